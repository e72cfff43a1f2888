import { testDatabaseKinds } from '@ksp/db/testing';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerWithDatabase } from '../helpers/test-server';

const RESULTS = `query($key: String!) { editionResults(editionKey: $key) {
  ... on EditionResults { companies { companyKey industryKey name } }
} }`;
const COMPANIES = `{ companies { key name version industry { key version } } }`;
const RENAME_COMPANY = `mutation($key: String!, $version: Int!, $name: String!) {
  updateCompany(key: $key, version: $version, name: $name) { __typename ... on Company { name version } }
}`;
const RENAME_INDUSTRY = `mutation($key: String!, $version: Int!, $name: [TranslationInput!]!) {
  updateIndustry(key: $key, version: $version, name: $name) { __typename ... on Industry { version } }
}`;

type ServedCompany = { companyKey: string; industryKey: string; name: string };
type Company = { key: string; name: string; version: number; industry: { key: string; version: number } };

// Results are cached per data version; a rename used to leave the old name in them (and in the exports
// made from them) until something else changed the edition.
describe.each(testDatabaseKinds())('renames show at once on %s', (kind) => {
  let app: Awaited<ReturnType<typeof startServerWithDatabase>>;
  beforeAll(async () => {
    app = await startServerWithDatabase(kind);
  });
  afterAll(() => app?.close());

  const served = async (): Promise<ServedCompany[]> =>
    (await app.gql(RESULTS, { key: 'KSP24' }, app.tokens.analyst)).data?.editionResults.companies;
  const csv = async (view: string) => {
    const response = await fetch(`${app.url}/exports/results/KSP24.csv?view=${view}&locale=en`, {
      headers: { authorization: `Bearer ${app.tokens.analyst}` },
    });
    expect(response.status).toBe(200);
    return Papa.parse<Record<string, string>>(await response.text(), { header: true, skipEmptyLines: true })
      .data;
  };

  it('a renamed company and industry are in editionResults and the results CSV of the next request', async () => {
    // Cached before the rename.
    const before = await served();
    const target = before[0] as ServedCompany;
    expect(target).toBeDefined();
    await csv('companies');
    const companies: Company[] = (await app.gql(COMPANIES, {}, app.tokens.admin)).data?.companies;
    const company = companies.find((c) => c.key === target.companyKey) as Company;

    const renamed = await app.gql(
      RENAME_COMPANY,
      { key: company.key, version: company.version, name: 'Renamed Company AS' },
      app.tokens.admin,
    );
    expect(renamed.data?.updateCompany).toEqual({
      __typename: 'Company',
      name: 'Renamed Company AS',
      version: company.version + 1,
    });
    const industry = await app.gql(
      RENAME_INDUSTRY,
      {
        key: target.industryKey,
        version: company.industry.version,
        name: [
          { locale: 'nb', text: 'Omdøpt bransje' },
          { locale: 'en', text: 'Renamed industry' },
        ],
      },
      app.tokens.admin,
    );
    expect(industry.data?.updateIndustry.__typename).toBe('Industry');

    const after = await served();
    expect(after.find((c) => c.companyKey === company.key)?.name).toBe('Renamed Company AS');
    expect(after.map((c) => c.name)).not.toContain(target.name);

    const rows = await csv('companies');
    const row = rows.find((r) => r['Company key'] === company.key);
    expect(row?.Company).toBe('Renamed Company AS');
    expect(row?.Industry).toBe('Renamed industry');
    const ranking = (await csv('rankings')).find((r) => r['Company key'] === company.key);
    expect(ranking?.Company).toBe('Renamed Company AS');
  });
});
