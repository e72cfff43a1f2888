import type { WhatIfQuery } from '../../generated/gql/graphql';

type ApiWhatIf = Extract<WhatIfQuery['whatIf'], { __typename: 'WhatIf' }>;

export interface WhatIfRow {
  companyKey: string;
  name: string;
  industryName: string;
  asScored: number | null;
  whatIf: number | null;
  delta: number | null;
  positionAsScored: number | null;
  positionWhatIf: number | null;
  /** Places gained (positive = up); null unless ranked in both. */
  positionChange: number | null;
}

export interface WhatIfData {
  editionKey: string;
  rulesEditionKey: string;
  companies: WhatIfRow[];
  /** Winners: overall first, then per industry, as names. */
  overall: { asScored: string | null; whatIf: string | null; changed: boolean };
  industries: Array<{
    industryKey: string;
    industryName: string;
    asScored: string | null;
    whatIf: string | null;
    changed: boolean;
  }>;
  report: ApiWhatIf['report'];
}

/** The API's what-if with company and industry names filled in. */
export function whatIfFromApi(
  api: ApiWhatIf,
  industries: ReadonlyArray<{ key: string; name: string }>,
): WhatIfData {
  const industryName = new Map(industries.map((i) => [i.key, i.name]));
  const companyName = new Map(api.companies.map((c) => [c.companyKey, c.name]));
  const name = (key: string | null | undefined) => (key ? (companyName.get(key) ?? key) : null);
  return {
    editionKey: api.editionKey,
    rulesEditionKey: api.rulesEditionKey,
    companies: api.companies.map((c) => ({
      companyKey: c.companyKey,
      name: c.name,
      industryName: industryName.get(c.industryKey) ?? c.industryKey,
      asScored: c.asScored ?? null,
      whatIf: c.whatIf ?? null,
      delta: c.delta ?? null,
      positionAsScored: c.positionAsScored ?? null,
      positionWhatIf: c.positionWhatIf ?? null,
      positionChange: c.positionChange ?? null,
    })),
    overall: {
      asScored: name(api.overallWinner.asScored),
      whatIf: name(api.overallWinner.whatIf),
      changed: api.overallWinner.changed,
    },
    industries: api.industryWinners.map((w) => ({
      industryKey: w.industryKey ?? '',
      industryName: industryName.get(w.industryKey ?? '') ?? w.industryKey ?? '',
      asScored: name(w.asScored),
      whatIf: name(w.whatIf),
      changed: w.changed,
    })),
    report: api.report,
  };
}

/** Winner lines to list: the overall winner, then industries whose winner changed, then the rest. */
export function winnerLines(data: WhatIfData) {
  const industries = [...data.industries].sort(
    (a, b) => Number(b.changed) - Number(a.changed) || a.industryName.localeCompare(b.industryName, 'nb'),
  );
  return [
    { key: 'overall', label: 'overall', ...data.overall },
    ...industries.map((i) => ({
      key: i.industryKey,
      label: i.industryName,
      asScored: i.asScored,
      whatIf: i.whatIf,
      changed: i.changed,
    })),
  ];
}
