import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config';
import {
  checkWebhookTarget,
  parseWebhookAllowList,
  type Resolver,
  refusedKind,
  STRICT_TARGET_POLICY,
} from '../../src/webhooks';
import { REFUSED_URLS } from '../helpers/internal-addresses';

/** A name server that must not be asked (IP literals are checked as they are). */
const noDns: Resolver = async (hostname) => {
  throw new Error(`unexpected lookup of ${hostname}`);
};
const answers =
  (...addresses: string[]): Resolver =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('webhook target policy', () => {
  it.each(REFUSED_URLS)('refuses %s by default (%s)', async (url, kind) => {
    const check = await checkWebhookTarget(url, STRICT_TARGET_POLICY, noDns);
    expect(check).toEqual({ ok: false, reason: `refused: ${kind} address (not in WEBHOOK_ALLOWED_HOSTS)` });
  });

  it('accepts public addresses, and names whose every answer is public', async () => {
    for (const url of ['https://93.184.216.34/hook', 'http://[2606:2800:220:1::1]/', 'http://172.32.0.1/'])
      expect(await checkWebhookTarget(url, STRICT_TARGET_POLICY, noDns)).toMatchObject({ ok: true });
    const check = await checkWebhookTarget(
      'https://hooks.example.org/x',
      STRICT_TARGET_POLICY,
      answers('93.184.216.34', '2606:2800:220:1::1'),
    );
    expect(check).toMatchObject({ ok: true, address: { address: '93.184.216.34', family: 4 } });
  });

  it('checks every DNS answer: one internal address among public ones refuses the name', async () => {
    for (const internal of ['127.0.0.1', '169.254.169.254', '::1', '::ffff:10.1.2.3', 'fe80::1'])
      expect(
        await checkWebhookTarget(
          'https://rebind.example.org/',
          STRICT_TARGET_POLICY,
          answers('93.184.216.34', internal),
        ),
      ).toMatchObject({ ok: false, reason: expect.stringMatching(/^refused: /) });
  });

  it('a name that does not resolve is not refused as internal but reported as not found', async () => {
    const check = await checkWebhookTarget('https://nowhere.example/', STRICT_TARGET_POLICY, async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    });
    expect(check).toEqual({ ok: false, reason: 'host not found', unresolved: true });
  });

  it('the allow-list admits host names (any answer), addresses and CIDR ranges, nothing more', async () => {
    const policy = parseWebhookAllowList(' hooks.intranet.example , 127.0.0.1, 10.20.0.0/16,[fd00::]/8 ');
    expect(policy.entries).toEqual(['hooks.intranet.example', '127.0.0.1', '10.20.0.0/16', '[fd00::]/8']);
    expect(
      await checkWebhookTarget('http://HOOKS.intranet.example./x', policy, answers('192.168.7.7')),
    ).toMatchObject({ ok: true, address: { address: '192.168.7.7' } });
    expect(refusedKind('127.0.0.1', policy)).toBeNull();
    expect(refusedKind('::ffff:127.0.0.1', policy)).toBeNull();
    expect(refusedKind('127.0.0.2', policy)).toBe('loopback');
    expect(refusedKind('10.20.99.1', policy)).toBeNull();
    expect(refusedKind('10.21.0.1', policy)).toBe('private');
    expect(refusedKind('fd12::1', policy)).toBeNull();
    expect(refusedKind('169.254.169.254', policy)).toBe('link-local');
    // Another name resolving into an allowed range is fine; into a refused one it is not.
    expect(await checkWebhookTarget('http://a.example/', policy, answers('10.20.0.5'))).toMatchObject({
      ok: true,
    });
    expect(await checkWebhookTarget('http://a.example/', policy, answers('10.30.0.5'))).toMatchObject({
      ok: false,
    });
  });

  it('a bad allow-list entry stops the start with its name', () => {
    for (const bad of ['10.0.0.0/33', 'http://x', 'a b', '1.2.3.4/8/1'])
      expect(() => parseWebhookAllowList(bad)).toThrow(/WEBHOOK_ALLOWED_HOSTS/);
    expect(() => readConfig({ WEBHOOK_ALLOWED_HOSTS: '::1/200' })).toThrow(/WEBHOOK_ALLOWED_HOSTS/);
    expect(readConfig({}).webhookTargets.entries).toEqual([]);
  });
});
