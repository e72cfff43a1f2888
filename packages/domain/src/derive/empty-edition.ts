import { kspChannels } from '../fixtures/ksp-channels';
import { type Edition, editionSchema } from '../model/edition';
import { LOCALES, type Locale } from '../model/locale';

export interface NewEditionName {
  key: string;
  year: number;
  name: string;
  locales?: readonly Locale[];
}

/**
 * A draft edition started from scratch rather than from last year's: no areas yet, the four KSP channels
 * with their published waiting and attempt rules, weighted areas, contacts counted alike, and the award
 * rules KSP uses (20 contacts, two companies per industry).
 */
export function emptyEdition({ key, year, name, locales = LOCALES }: NewEditionName): Edition {
  return editionSchema.parse({
    key,
    year,
    name,
    status: 'draft',
    locales: [...locales],
    derivedFrom: null,
    channels: kspChannels,
    areas: [],
    scoring: { areaWeighting: 'weighted', contactWeighting: 'equal', headlineAreaKey: null },
    awards: { minContacts: 20, minTotal: 0, minCompaniesPerIndustry: 2 },
  });
}
