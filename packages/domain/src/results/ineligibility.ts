import type { EffectOf } from '../explain/explanation-effect';
import type { AwardRules } from '../model/edition';

/** Why a company cannot win, as codes with their numbers. */
export type Ineligibility = EffectOf<
  'INELIGIBLE_TOO_FEW_CONTACTS' | 'INELIGIBLE_NO_TOTAL' | 'INELIGIBLE_TOTAL_BELOW_MINIMUM'
>;

/**
 * The award eligibility rule (docs/scoring.md, "Rankings and awards"): at least `minContacts` contacts and a
 * Totalresultat of at least `minTotal`. Empty when the company is eligible. `ineligibilityReasons` in ranking.ts
 * words it in English for the rankings.
 */
export function ineligibility(
  company: { n: number; total: number | null },
  awards: Pick<AwardRules, 'minContacts' | 'minTotal'>,
): Ineligibility[] {
  const out: Ineligibility[] = [];
  if (company.n < awards.minContacts)
    out.push({ code: 'INELIGIBLE_TOO_FEW_CONTACTS', count: company.n, minimum: awards.minContacts });
  if (company.total === null) out.push({ code: 'INELIGIBLE_NO_TOTAL' });
  else if (company.total < awards.minTotal)
    out.push({ code: 'INELIGIBLE_TOTAL_BELOW_MINIMUM', total: company.total, minimum: awards.minTotal });
  return out;
}
