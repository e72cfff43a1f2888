// The explanation cache (src/explanation-cache.ts): one computation per (edition, subject) and data version,
// shared by concurrent readers, and bounded by rows with the least recently used dropped first.

import { describe, expect, it } from 'vitest';
import { ExplanationCache } from '../src/explanation-cache';

/** Data versions by edition key (absent = no such edition). */
const versionsOf = (versions: Map<string, number>) => async (editionKey: string) => {
  const version = versions.get(editionKey);
  return version === undefined ? null : { editionId: 1, version: BigInt(version) };
};

describe('ExplanationCache', () => {
  it('computes once per data version, concurrent readers sharing the computation', async () => {
    const versions = new Map([['KSP24', 1]]);
    const cache = new ExplanationCache<{ rows: number }>(versionsOf(versions), (v) => v.rows, 100);
    let computed = 0;
    const compute = async () => ({ rows: 10, run: ++computed });
    const [a, b] = await Promise.all([cache.get('KSP24', 'x', compute), cache.get('KSP24', 'x', compute)]);
    expect(a).toBe(b);
    expect(await cache.get('KSP24', 'x', compute)).toBe(a);
    expect(computed).toBe(1);
    versions.set('KSP24', 2);
    expect(await cache.get('KSP24', 'x', compute)).not.toBe(a);
    expect(computed).toBe(2);
    expect(cache.size()).toEqual({ entries: 1, rows: 10 });
  });

  it('drops the least recently used entries once over its rows', async () => {
    const cache = new ExplanationCache<{ rows: number }>(versionsOf(new Map([['E', 1]])), (v) => v.rows, 25);
    const value = async () => ({ rows: 10 });
    await cache.get('E', 'a', value);
    await cache.get('E', 'b', value);
    await cache.get('E', 'a', value); // a used last: b goes first
    await cache.get('E', 'c', value);
    await Promise.resolve();
    expect(cache.size()).toEqual({ entries: 2, rows: 20 });
    let computed = 0;
    const counted = async () => ({ rows: 10, run: ++computed });
    await cache.get('E', 'a', counted);
    await cache.get('E', 'c', counted);
    expect(computed).toBe(0);
    await cache.get('E', 'b', counted);
    expect(computed).toBe(1);
  });

  it('keeps neither failures nor answers for an edition that does not exist', async () => {
    const cache = new ExplanationCache<{ rows: number }>(versionsOf(new Map([['E', 1]])), (v) => v.rows);
    await expect(cache.get('E', 'a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(cache.get('nope', 'a', async () => Promise.reject(new Error('no edition')))).rejects.toThrow(
      'no edition',
    );
    expect(cache.size()).toEqual({ entries: 0, rows: 0 });
  });
});
