import type { EditionResults } from '../results/edition-results';

export interface WhatIfCompanyRow {
  companyKey: string;
  name: string;
  industryKey: string;
  asScored: number | null;
  whatIf: number | null;
  /** whatIf − asScored. */
  delta: number | null;
  /** Overall position among eligible companies (null when not eligible). */
  positionAsScored: number | null;
  positionWhatIf: number | null;
  /** Places gained under the what-if rules (positive = moved up); null unless ranked in both. */
  positionChange: number | null;
}

/** The result as scored beside the what-if result, per company, plus who would have won. */
export interface WhatIfComparison {
  editionKey: string;
  companies: WhatIfCompanyRow[];
  overallWinner: { asScored: string | null; whatIf: string | null };
  industryWinners: { industryKey: string; asScored: string | null; whatIf: string | null }[];
}

export function compareWhatIf(asScored: EditionResults, whatIf: EditionResults): WhatIfComparison {
  const positions = (r: EditionResults) => new Map(r.overall.entries.map((e) => [e.companyKey, e.position]));
  const before = positions(asScored);
  const after = positions(whatIf);
  const whatIfTotals = new Map(whatIf.companies.map((c) => [c.companyKey, c.total]));
  return {
    editionKey: asScored.editionKey,
    companies: asScored.companies.map((c) => {
      const total = whatIfTotals.get(c.companyKey) ?? null;
      const p = before.get(c.companyKey) ?? null;
      const q = after.get(c.companyKey) ?? null;
      return {
        companyKey: c.companyKey,
        name: c.name,
        industryKey: c.industryKey,
        asScored: c.total,
        whatIf: total,
        delta: c.total !== null && total !== null ? total - c.total : null,
        positionAsScored: p,
        positionWhatIf: q,
        positionChange: p !== null && q !== null ? p - q : null,
      };
    }),
    overallWinner: { asScored: asScored.overall.winner, whatIf: whatIf.overall.winner },
    industryWinners: asScored.industries.map((i) => ({
      industryKey: i.industryKey,
      asScored: i.winner,
      whatIf: whatIf.industries.find((w) => w.industryKey === i.industryKey)?.winner ?? null,
    })),
  };
}
