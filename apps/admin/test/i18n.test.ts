import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en';
import { interpolate } from '../src/i18n/I18nProvider';
import { nb } from '../src/i18n/nb';

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('have exactly the same keys in nb and en', () => {
    const nbKeys = Object.keys(nb).sort();
    const enKeys = Object.keys(en).sort();
    expect(nbKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
    expect(enKeys.filter((k) => !nbKeys.includes(k))).toEqual([]);
  });

  it('have no blank messages', () => {
    for (const dictionary of [nb, en]) {
      const blank = Object.entries(dictionary).filter(([, message]) => !message.trim());
      expect(blank).toEqual([]);
    }
  });

  it('use the same placeholders in both languages', () => {
    const mismatched = Object.keys(nb).filter((key) => {
      const k = key as keyof typeof nb;
      return placeholders(nb[k]).join() !== placeholders(en[k]).join();
    });
    expect(mismatched).toEqual([]);
  });
});

describe('interpolate', () => {
  it('fills known placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{count} rader av {total}', { count: 3 })).toBe('3 rader av {total}');
  });
});
