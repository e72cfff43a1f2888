import { describe, expect, it } from 'vitest';
import { ksp24 } from '../src/fixtures';
import { importTranslationRows } from '../src/translations/import-translations';
import { exportTranslationRows } from '../src/translations/translation-rows';
import { parseEdition } from '../src/validation/parse-edition';

describe('translation rows', () => {
  const rows = exportTranslationRows(ksp24);

  it('exports every text with a stable path, field and a column per locale', () => {
    expect(rows[0]).toEqual({ path: 'channel/phone', field: 'name', nb: 'Telefon', en: 'Telephone' });
    expect(rows.find((r) => r.path === 'area/welcome' && r.field === 'name')).toEqual({
      path: 'area/welcome',
      field: 'name',
      nb: 'Mottak og velkomst',
      en: 'Reception and welcome',
    });
    expect(rows.some((r) => r.path.startsWith('option/welcome_personal/'))).toBe(true);
    expect(new Set(rows.map((r) => `${r.path}#${r.field}`)).size).toBe(rows.length);
  });

  it('round-trips unchanged and reports nothing', () => {
    const { edition, report } = importTranslationRows(ksp24, rows);
    expect(edition).toEqual(ksp24);
    expect(report).toEqual({ changed: [], missing: [], unknown: [], duplicates: [] });
  });

  it('imports changes, keeps blank cells, reports unknown, duplicate and missing texts', () => {
    const nbOnly = exportTranslationRows(ksp24, ['nb']);
    const edited = rows.map((r) =>
      r.path === 'channel/phone' ? { ...r, en: 'Phone' } : r.path === 'channel/email' ? { ...r, en: '' } : r,
    );
    const { edition, report } = importTranslationRows(ksp24, [
      ...edited,
      { path: 'area/nope', field: 'name', en: 'x' },
      { path: 'channel/phone', field: 'name', en: 'Again' },
    ]);
    expect(report.changed).toEqual([
      { path: 'channel/phone', field: 'name', locale: 'en', before: 'Telephone', after: 'Phone' },
    ]);
    expect(report.unknown).toEqual([{ row: rows.length, path: 'area/nope', field: 'name' }]);
    expect(report.duplicates).toEqual([{ row: rows.length + 1, path: 'channel/phone', field: 'name' }]);
    expect(report.missing).toEqual([]);
    expect(edition.channels[0]?.name).toEqual({ nb: 'Telefon', en: 'Phone' });
    expect(edition.channels[1]?.name.en).toBe('E-mail'); // blank cell kept the text
    expect(ksp24.channels[0]?.name.en).toBe('Telephone'); // the input edition is untouched
    expect(() => parseEdition(edition)).not.toThrow();
    expect(nbOnly[0]).toEqual({ path: 'channel/phone', field: 'name', nb: 'Telefon' });

    const withoutEnglish = structuredClone(ksp24);
    withoutEnglish.areas[0] = {
      ...withoutEnglish.areas[0],
      name: { nb: 'Svar- og ventetid' },
    } as (typeof withoutEnglish.areas)[0];
    expect(importTranslationRows(withoutEnglish, []).report.missing).toEqual([
      { path: 'area/waiting', field: 'name', locale: 'en' },
    ]);
  });
});
