// Hostile names and files: a company named like a spreadsheet formula must come out of every CSV export as
// text; a rename must show in results and exports at once, on the process that made it and on the other one;
// an XLSX zip bomb (a small upload that unpacks to hundreds of MB) must be refused before it is unpacked, as a
// problem of the report, without the process's memory growing.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { bombWorkbook, repeated } from '../../../packages/exchange/test/support/zip-bomb';
import { sharedCluster } from './harness/cluster';
import { gql, loginAll } from './harness/gql';
import { recordSection } from './harness/report';

const HOSTILE = '=HYPERLINK("http://x","y")';
const RENAMED = '@SUM(1+1)';
const EDITION = 'RELFILES';
const COMPANY = 'rel-hostile-company';
const MB = 1024 * 1024;

const cluster = sharedCluster();
const [urlA, urlB] = cluster.urls as [string, string];
let admin: string;
const findings: string[] = [];
const faults: string[] = [];
const figures: Record<string, string | number> = {};

/** The resident size of the process serving `url`, in MB. */
function rssMb(url: string): number {
  const pid = cluster.pids[cluster.urls.indexOf(url)];
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
}

async function ok(url: string, query: string, variables: Record<string, unknown>, field: string) {
  const result = await gql(url, query, variables, admin);
  const data = result.data?.[field];
  if (!data || ('message' in data && data.__typename !== 'EvaluationImportReport'))
    throw new Error(`${field}: ${JSON.stringify(result)}`);
  return data;
}

/** Every cell of every CSV export of the edition (three views, two locales) and of its translation file. */
async function csvCells(url: string): Promise<{ file: string; cells: string[] }[]> {
  const files: { file: string; cells: string[] }[] = [];
  for (const view of ['companies', 'industries', 'rankings'])
    for (const locale of ['nb', 'en']) {
      const path = `/exports/results/${EDITION}.csv?view=${view}&locale=${locale}`;
      const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${admin}` } });
      expect(response.status, path).toBe(200);
      files.push({ file: path, cells: Papa.parse<string[]>(await response.text()).data.flat() });
    }
  const translation = await ok(
    url,
    'query($key: String!) { translationExport(editionKey: $key, format: csv) { content } }',
    { key: EDITION },
    'translationExport',
  );
  files.push({
    file: 'translationExport(format: CSV)',
    cells: Papa.parse<string[]>(translation.content.replace(/^\uFEFF/, '')).data.flat(),
  });
  return files;
}

beforeAll(async () => {
  admin = (await loginAll(urlA)).admin;
  // An edition of this file's own (a draft copy of KSP24 with its participants), so no other file's data changes.
  await ok(
    urlA,
    `mutation { createEditionFrom(sourceKey: "KSP24", key: "${EDITION}", name: "Reliability files", year: 2099) { __typename ... on Error { message } } }`,
    {},
    'createEditionFrom',
  );
});

describe('hostile names and files', () => {
  it('a company and a text named like a formula are escaped in every CSV export', async () => {
    const { companies } = (await gql(urlA, '{ companies { key industry { key } } }', {}, admin)).data;
    const industryKey: string = companies[0].industry.key;
    await ok(
      urlA,
      'mutation($key: String!, $name: String!, $industry: String!) { createCompany(key: $key, name: $name, industryKey: $industry) { __typename ... on Error { message } } }',
      { key: COMPANY, name: HOSTILE, industry: industryKey },
      'createCompany',
    );
    await ok(
      urlA,
      'mutation($key: String!, $p: [ParticipantInput!]!) { addParticipants(editionKey: $key, participants: $p) { __typename ... on Error { message } } }',
      { key: EDITION, p: [{ companyKey: COMPANY, channels: ['phone'] }] },
      'addParticipants',
    );
    // A text of the edition too, through the translation import: it goes into the translation file.
    const definition = (await gql(urlA, `{ edition(key: "${EDITION}") { areas { key } } }`, {}, admin)).data
      .edition;
    const areaKey: string = definition.areas[0].key;
    const translated = await ok(
      urlA,
      'mutation($key: String!, $content: String!) { importTranslations(editionKey: $key, format: csv, content: $content) { __typename ... on TranslationImportReport { applied } ... on Error { message } } }',
      {
        key: EDITION,
        content: Papa.unparse([
          ['key', 'en'],
          [`area/${areaKey}#name`, HOSTILE],
        ]),
      },
      'importTranslations',
    );
    expect(translated.applied).toBe(true);
    faults.push(
      `a company named ${HOSTILE} created through createCompany and enrolled in a draft edition; an area name set to the same text through importTranslations`,
    );

    const files = await csvCells(urlB);
    for (const { file, cells } of files) {
      expect(cells, file).not.toContain(HOSTILE);
      expect(
        cells.filter((cell) => /^[=+@\t\r]/.test(cell)),
        `${file}: cells starting with a formula character`,
      ).toEqual([]);
    }
    const escaped = files.filter(({ cells }) => cells.some((cell) => cell === `'${HOSTILE}`));
    // The company is in the companies and rankings views (both locales); the area name in the companies view's
    // header (en) and in the translation file.
    expect(escaped.map((f) => f.file)).toEqual(
      expect.arrayContaining([
        `/exports/results/${EDITION}.csv?view=companies&locale=nb`,
        `/exports/results/${EDITION}.csv?view=rankings&locale=en`,
        'translationExport(format: CSV)',
      ]),
    );
    findings.push(
      `${files.length} CSV files downloaded (results: 3 views × 2 locales, and the translation file): the name is written '${HOSTILE} (apostrophe first) in ${escaped.length} of them, and no cell of any starts with = + @ tab or CR`,
    );
    figures['CSV files checked'] = files.length;
  });

  it('a rename shows in editionResults and the CSV export at once, on both processes', async () => {
    const RESULTS = `{ editionResults(editionKey: "${EDITION}") { ... on EditionResults { companies { companyKey name } } } }`;
    const nameOn = async (url: string) =>
      (await gql(url, RESULTS, {}, admin)).data?.editionResults.companies.find(
        (c: { companyKey: string }) => c.companyKey === COMPANY,
      )?.name;
    // Both processes have the results cached with the old name.
    expect(await nameOn(urlA)).toBe(HOSTILE);
    expect(await nameOn(urlB)).toBe(HOSTILE);
    const { companies } = (await gql(urlA, '{ companies { key version } }', {}, admin)).data;
    const version = companies.find((c: { key: string }) => c.key === COMPANY).version;
    await ok(
      urlA,
      'mutation($key: String!, $version: Int!, $name: String!) { updateCompany(key: $key, version: $version, name: $name) { __typename ... on Error { message } } }',
      { key: COMPANY, version, name: RENAMED },
      'updateCompany',
    );
    expect(await nameOn(urlA)).toBe(RENAMED);
    expect(await nameOn(urlB)).toBe(RENAMED);
    for (const url of [urlA, urlB]) {
      const response = await fetch(`${url}/exports/results/${EDITION}.csv?view=companies&locale=en`, {
        headers: { authorization: `Bearer ${admin}` },
      });
      const rows = Papa.parse<Record<string, string>>(await response.text(), { header: true }).data;
      expect(rows.find((r) => r['Company key'] === COMPANY)?.Company).toBe(`'${RENAMED}`);
    }
    faults.push(
      'the company renamed through updateCompany on api-a after both processes had cached the results',
    );
    findings.push(
      'editionResults and the companies CSV show the new name on the next request, on api-a (the cache is invalidated) and on api-b (a rename changes the data version)',
    );
  });

  it('an XLSX zip bomb is refused before it is unpacked, as a problem of the report, memory flat', async () => {
    const bomb = await bombWorkbook({
      sharedStrings: function* () {
        yield '<si><t>';
        yield* repeated('A', 256 * MB);
        yield '</t></si>';
      },
    });
    const before = rssMb(urlA);
    const started = performance.now();
    const report = await ok(
      urlA,
      'mutation($key: String!, $content: String!) { importEvaluations(editionKey: $key, format: XLSX, content: $content, dryRun: true) { __typename ... on EvaluationImportReport { rows problemCount problems { row column message } } ... on Error { message } } }',
      { key: EDITION, content: bomb.toString('base64') },
      'importEvaluations',
    );
    const ms = performance.now() - started;
    expect(report.problems).toEqual([
      {
        row: 1,
        column: '',
        message:
          'the file is refused as too large: its part xl/sharedStrings.xml unpacks to 256 MB; the limit is 64 MB',
      },
    ]);
    const translations = await gql(
      urlA,
      'mutation($key: String!, $content: String!) { importTranslations(editionKey: $key, format: xlsx, content: $content) { __typename ... on Error { message } ... on ValidationError { fieldErrors { path message } } } }',
      { key: EDITION, content: bomb.toString('base64') },
      admin,
    );
    expect(translations.data?.importTranslations.__typename).toBe('ValidationError');
    expect(translations.data?.importTranslations.fieldErrors[0].message).toMatch(
      /^the file is refused as too large: /,
    );
    const after = rssMb(urlA);
    expect(after - before).toBeLessThan(100);
    faults.push(
      `an XLSX of ${(bomb.length / 1024).toFixed(0)} kB whose shared strings unpack to 256 MB, sent to importEvaluations and importTranslations`,
    );
    findings.push(
      'both refused it from the zip directory before unpacking: the import reports it on row 1 ("the file is refused as too large: …"), the translation import answers ValidationError',
    );
    figures['zip bomb: upload (kB) / unpacked (MB)'] = `${(bomb.length / 1024).toFixed(0)} / 256`;
    figures['zip bomb: answer (ms)'] = Math.round(ms);
    figures['zip bomb: RSS before / after (MB)'] = `${before.toFixed(0)} / ${after.toFixed(0)}`;

    recordSection('9-hostile-files', {
      title: '9 Hostile names and files',
      faults,
      findings,
      figures,
    });
  });
});
