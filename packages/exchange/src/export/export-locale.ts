import type { CxMetric, Locale } from '@ksp/domain';

/** Header and label texts of the exports; Norwegian (bokmål) is the default. */
export interface ExportTexts {
  companiesSheet: string;
  industriesSheet: string;
  rankingsSheet: string;
  reportSheet: string;
  companyKey: string;
  company: string;
  industryKey: string;
  industry: string;
  n: string;
  nAnswered: string;
  criticalContacts: string;
  total: string;
  answeredOnly: string;
  /** Used when the edition has no headline area. */
  headline: string;
  area: (name: string) => string;
  performance: (name: string) => string;
  channel: (name: string) => string;
  cx: (metric: CxMetric) => string;
  csatSatisfied: string;
  nCompanies: string;
  eligibleCount: string;
  winnerKey: string;
  winner: string;
  winnerWithheld: string;
  /** All winners when the first place is shared (equal on every ranking rule). */
  sharedWinners: string;
  position: string;
  /** Whether the place is shared with a company equal on every ranking rule. */
  sharedPlace: string;
  eligible: string;
  reasons: string;
  figure: string;
  metric: string;
  key: string;
  companyValue: string;
  industryAverage: string;
  toIndustry: string;
  lastYear: (editionKey: string) => string;
  change: string;
  comparable: string;
  notComparableBecause: string;
  aboutSheet: string;
  about: string;
  value: string;
  edition: string;
  industryPosition: string;
  overallPosition: string;
}

const CX_NB: Record<CxMetric, string> = {
  CSAT: 'CSAT (snitt 1–5)',
  CES: 'CES (snitt 1–7)',
  NPS: 'NPS',
  VES1: 'VES1 (snitt 1–7)',
  VES2: 'VES2 (snitt 1–7)',
};
const CX_EN: Record<CxMetric, string> = {
  CSAT: 'CSAT (mean 1–5)',
  CES: 'CES (mean 1–7)',
  NPS: 'NPS',
  VES1: 'VES1 (mean 1–7)',
  VES2: 'VES2 (mean 1–7)',
};

const nb: ExportTexts = {
  companiesSheet: 'Selskaper',
  industriesSheet: 'Bransjer',
  rankingsSheet: 'Rangering',
  reportSheet: 'Resultater',
  companyKey: 'Selskapsnøkkel',
  company: 'Selskap',
  industryKey: 'Bransjenøkkel',
  industry: 'Bransje',
  n: 'Kontakter (n)',
  nAnswered: 'Besvarte kontakter',
  criticalContacts: 'Kritiske kontakter',
  total: 'Totalresultat',
  answeredOnly: 'Score for besvarte',
  headline: 'Hovedområde',
  area: (name) => `Område: ${name}`,
  performance: (name) => `Prestasjon: ${name}`,
  channel: (name) => `Kanal: ${name}`,
  cx: (metric) => CX_NB[metric],
  csatSatisfied: 'CSAT fornøyde (%)',
  nCompanies: 'Selskaper med kontakter',
  eligibleCount: 'Kvalifiserte selskaper',
  winnerKey: 'Vinner (nøkkel)',
  winner: 'Vinner',
  winnerWithheld: 'Ingen vinner fordi',
  sharedWinners: 'Delt førsteplass (like på alle regler)',
  position: 'Plass',
  sharedPlace: 'Delt plass',
  eligible: 'Kvalifisert',
  reasons: 'Ikke kvalifisert fordi',
  figure: 'Tall',
  metric: 'Type',
  key: 'Nøkkel',
  companyValue: 'Selskapet',
  industryAverage: 'Bransjesnitt',
  toIndustry: 'Mot bransjesnitt',
  lastYear: (editionKey) => `I fjor (${editionKey})`,
  change: 'Endring fra i fjor',
  comparable: 'Sammenlignbar med i fjor',
  notComparableBecause: 'Ikke sammenlignbar fordi',
  aboutSheet: 'Om rapporten',
  about: 'Om',
  value: 'Verdi',
  edition: 'Utgave',
  industryPosition: 'Plass i bransjen',
  overallPosition: 'Plass totalt',
};

const en: ExportTexts = {
  companiesSheet: 'Companies',
  industriesSheet: 'Industries',
  rankingsSheet: 'Rankings',
  reportSheet: 'Results',
  companyKey: 'Company key',
  company: 'Company',
  industryKey: 'Industry key',
  industry: 'Industry',
  n: 'Contacts (n)',
  nAnswered: 'Answered contacts',
  criticalContacts: 'Critical contacts',
  total: 'Total score',
  answeredOnly: 'Score, answered only',
  headline: 'Headline area',
  area: (name) => `Area: ${name}`,
  performance: (name) => `Performance: ${name}`,
  channel: (name) => `Channel: ${name}`,
  cx: (metric) => CX_EN[metric],
  csatSatisfied: 'CSAT satisfied (%)',
  nCompanies: 'Companies with contacts',
  eligibleCount: 'Eligible companies',
  winnerKey: 'Winner (key)',
  winner: 'Winner',
  winnerWithheld: 'No winner because',
  sharedWinners: 'Shared first place (equal on every rule)',
  position: 'Position',
  sharedPlace: 'Shared place',
  eligible: 'Eligible',
  reasons: 'Not eligible because',
  figure: 'Figure',
  metric: 'Kind',
  key: 'Key',
  companyValue: 'Company',
  industryAverage: 'Industry average',
  toIndustry: 'Against industry',
  lastYear: (editionKey) => `Last year (${editionKey})`,
  change: 'Change from last year',
  comparable: 'Comparable with last year',
  notComparableBecause: 'Not comparable because',
  aboutSheet: 'About',
  about: 'About',
  value: 'Value',
  edition: 'Edition',
  industryPosition: 'Position in industry',
  overallPosition: 'Overall position',
};

export function exportTexts(locale: Locale): ExportTexts {
  return locale === 'en' ? en : nb;
}
