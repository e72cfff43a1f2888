import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Which addresses a webhook may be sent to. An admin's URL must not turn the API into a proxy into its own
 * network (SSRF): loopback, private, link-local (cloud metadata at 169.254.169.254), unspecified and other
 * special-purpose addresses are refused unless the operator allows them (`WEBHOOK_ALLOWED_HOSTS`).
 */
export type RefusedKind = 'unspecified' | 'loopback' | 'link-local' | 'private' | 'special-purpose';

type Range = [network: string, prefix: number, kind: RefusedKind];

/** Checked in this order, so an address gets its most telling name (`::` is unspecified, not special). */
const REFUSED_RANGES: Range[] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['::', 128, 'unspecified'],
  ['127.0.0.0', 8, 'loopback'],
  ['::1', 128, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['fe80::', 10, 'link-local'],
  ['10.0.0.0', 8, 'private'],
  ['172.16.0.0', 12, 'private'],
  ['192.168.0.0', 16, 'private'],
  ['fc00::', 7, 'private'],
  // Shared address space (carrier-grade NAT; some clouds' metadata, e.g. 100.100.100.200).
  ['100.64.0.0', 10, 'private'],
  ['192.0.0.0', 24, 'special-purpose'],
  ['192.0.2.0', 24, 'special-purpose'],
  ['198.18.0.0', 15, 'special-purpose'],
  ['198.51.100.0', 24, 'special-purpose'],
  ['203.0.113.0', 24, 'special-purpose'],
  ['224.0.0.0', 4, 'special-purpose'],
  ['240.0.0.0', 4, 'special-purpose'],
  // IPv6 forms that embed or reach an IPv4 address (IPv4-compatible, NAT64, Teredo, 6to4), and the rest.
  ['::', 96, 'special-purpose'],
  ['64:ff9b::', 96, 'special-purpose'],
  ['64:ff9b:1::', 48, 'special-purpose'],
  ['100::', 64, 'special-purpose'],
  ['2001::', 32, 'special-purpose'],
  ['2001:db8::', 32, 'special-purpose'],
  ['2002::', 16, 'special-purpose'],
  ['fec0::', 10, 'special-purpose'],
  ['ff00::', 8, 'special-purpose'],
];

const familyOf = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

// One list per range; BlockList also matches IPv4-mapped IPv6 (::ffff:127.0.0.1) against IPv4 ranges. Built at
// the first check, not at start-up (Node compiles its address patterns on the first isIP).
let refusedRangeLists: { list: BlockList; kind: RefusedKind }[] | undefined;
const refusedRanges = () =>
  (refusedRangeLists ??= REFUSED_RANGES.map(([network, prefix, kind]) => {
    const list = new BlockList();
    list.addSubnet(network, prefix, familyOf(network));
    return { list, kind };
  }));

export type WebhookTargetPolicy = {
  /** Host names (lower case, no trailing dot) whose addresses are all allowed, whatever they are. */
  hosts: ReadonlySet<string>;
  /** Addresses and CIDR ranges allowed although they are in a refused range. */
  addresses: BlockList;
  /** The setting as given, for messages and logs. */
  entries: readonly string[];
};

/**
 * Parses `WEBHOOK_ALLOWED_HOSTS`: a comma-separated list of host names (`hooks.intranet.example`), addresses
 * (`10.1.2.3`, `::1`) and CIDR ranges (`10.20.0.0/16`, `fd00::/8`). Throws naming a bad entry.
 */
export function parseWebhookAllowList(value: string | undefined): WebhookTargetPolicy {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  const hosts = new Set<string>();
  const addresses = new BlockList();
  for (const entry of entries) {
    const [network = '', prefixText, extra] = entry.replace(/^\[([^\]]*)\]/, '$1').split('/');
    if (isIP(network)) {
      const family = familyOf(network);
      const prefix = prefixText === undefined ? (family === 'ipv4' ? 32 : 128) : Number(prefixText);
      if (
        extra !== undefined ||
        !Number.isInteger(prefix) ||
        prefix < 0 ||
        prefix > (family === 'ipv4' ? 32 : 128)
      )
        throw new Error(`WEBHOOK_ALLOWED_HOSTS: "${entry}" is not a valid CIDR range`);
      addresses.addSubnet(network, prefix, family);
    } else if (
      prefixText === undefined &&
      /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/i.test(entry)
    ) {
      hosts.add(normalizeHost(entry));
    } else
      throw new Error(
        `WEBHOOK_ALLOWED_HOSTS: "${entry}" is neither a host name, an address nor a CIDR range`,
      );
  }
  return { hosts, addresses, entries };
}

/** No exceptions: the default. */
export const STRICT_TARGET_POLICY: WebhookTargetPolicy = parseWebhookAllowList('');

const normalizeHost = (host: string) => host.toLowerCase().replace(/\.$/, '');

/** The refused range an address falls in, or null when it may be called (globally routable, or allowed). */
export function refusedKind(address: string, policy: WebhookTargetPolicy): RefusedKind | null {
  const family = familyOf(address);
  if (policy.addresses.check(address, family)) return null;
  return refusedRanges().find(({ list }) => list.check(address, family))?.kind ?? null;
}

export type ResolvedAddress = { address: string; family: 4 | 6 };
/** Every address a host name resolves to (the system resolver, as a connection would use). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

export type TargetCheck =
  | { ok: true; url: URL; address: ResolvedAddress | null }
  | { ok: false; reason: string; unresolved?: true };

/** A short fixed reason: what kind of address was refused, never which one a name resolved to. */
const refusal = (kind: RefusedKind) => `refused: ${kind} address (not in WEBHOOK_ALLOWED_HOSTS)`;

/**
 * Checks a webhook URL and resolves it to the one address to connect to. IP literals (in any notation the
 * URL parser accepts: 0x7f000001, 2130706433, 0177.0.0.1 all become 127.0.0.1) are checked as they are;
 * a host name is resolved and **every** answer checked, so a name with one private answer is refused,
 * and the caller connects to the checked address instead of resolving again (no DNS rebinding in between).
 * `localhost` names are loopback by definition (RFC 6761), whatever a resolver says.
 */
export async function checkWebhookTarget(
  rawUrl: string,
  policy: WebhookTargetPolicy,
  resolve: Resolver = systemResolver,
): Promise<TargetCheck> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, reason: 'not a valid URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, reason: 'not an http or https URL' };
  const host = normalizeHost(url.hostname.replace(/^\[(.*)\]$/, '$1'));
  if (isIP(host)) {
    const kind = refusedKind(host, policy);
    return kind ? { ok: false, reason: refusal(kind) } : { ok: true, url, address: null };
  }
  const allowedByName = policy.hosts.has(host);
  if (!allowedByName && (host === 'localhost' || host.endsWith('.localhost')))
    return { ok: false, reason: refusal('loopback') };
  let addresses: ResolvedAddress[];
  try {
    addresses = await resolve(host);
  } catch {
    return { ok: false, reason: 'host not found', unresolved: true };
  }
  const [first] = addresses;
  if (!first) return { ok: false, reason: 'host not found', unresolved: true };
  if (!allowedByName)
    for (const { address } of addresses) {
      const kind = refusedKind(address, policy);
      if (kind) return { ok: false, reason: refusal(kind) };
    }
  return { ok: true, url, address: first };
}
