import {
  computeEditionResults,
  diffEditions,
  type Edition,
  type EditionResults,
  type LocalizedText,
} from '@ksp/domain';
import { demoCompanies, demoIndustries, generateDemoEvaluations, ksp23, ksp24 } from '@ksp/domain/fixtures';
import type { ParticipantReportSource } from '../../src/export/participant-report';
import type { ResultsExportSource } from '../../src/export/results-tables';

const industryKeys = new Set(demoIndustries.slice(0, 3).map((i) => i.key));
const companies = demoCompanies.filter((c) => industryKeys.has(c.industryKey));

function resultsOf(
  edition: Edition,
  { names = new Map(), tie = false }: { names?: ReadonlyMap<string, string>; tie?: boolean } = {},
): EditionResults {
  const participants = companies.filter((c) => c.editionKeys.includes(edition.key));
  let evaluations = generateDemoEvaluations(edition, participants, { seed: 11, contactsPerCompany: 12 });
  const infos = participants.map(({ key, name, industryKey }) => ({
    key,
    name: names.get(key) ?? name,
    industryKey,
  }));
  if (tie) {
    // The first industry's winner's contacts copied onto another company of that industry: equal on every rule.
    const industry = computeEditionResults(edition, evaluations, infos).industries.find((i) => i.winner);
    const winner = industry?.winner as string;
    const other = industry?.entries.find((e) => e.eligible && e.companyKey !== winner)?.companyKey as string;
    evaluations = [
      ...evaluations.filter((e) => e.companyKey !== other),
      ...evaluations
        .filter((e) => e.companyKey === winner)
        .map((e) => ({ ...e, id: `${e.id}-tie`, companyKey: other })),
    ];
  }
  return computeEditionResults(edition, evaluations, infos);
}

/** KSP24's results (and KSP23's) from the domain alone: the numbers every export must repeat. */
export const ksp24Results = resultsOf(ksp24);
export const ksp23Results = resultsOf(ksp23);

export const industryNames = new Map<string, LocalizedText>(demoIndustries.map((i) => [i.key, i.name]));

export const ksp24Source: ResultsExportSource = { results: ksp24Results, edition: ksp24, industryNames };

/**
 * KSP24 with two companies of one industry equal on every ranking rule (a shared first place); 12 contacts per
 * company, so the minimum is lowered to 10 to have eligible companies and winners.
 */
const ksp24Eligible: Edition = { ...ksp24, awards: { ...ksp24.awards, minContacts: 10 } };
export const tiedSource: ResultsExportSource = {
  results: resultsOf(ksp24Eligible, { tie: true }),
  edition: ksp24Eligible,
  industryNames,
};

/** A company in both editions. */
export const reportCompanyKey = (() => {
  const key = ksp24Results.companies.find((c) =>
    ksp23Results.companies.some((d) => d.companyKey === c.companyKey && d.n > 0 && c.n > 0),
  )?.companyKey;
  if (!key) throw new Error('no company in both editions');
  return key;
})();

export const reportSource: ParticipantReportSource = {
  ...ksp24Source,
  companyKey: reportCompanyKey,
  previous: { results: ksp23Results, edition: ksp23, diff: diffEditions(ksp23, ksp24) },
};

/**
 * KSP24's results with one company and its industry renamed (a company name is in the companies and rankings
 * views, an industry name in every view).
 */
export function ksp24SourceWithNames(name: string): ResultsExportSource {
  const company = ksp24Results.companies[0];
  if (!company) throw new Error('KSP24 has companies');
  const results = resultsOf(ksp24, { names: new Map([[company.companyKey, name]]) });
  const names = new Map(industryNames).set(company.industryKey, { nb: name, en: name });
  return { ...ksp24Source, results, industryNames: names };
}
