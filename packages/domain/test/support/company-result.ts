import type { CompanyResult } from '../../src/scoring/company-result';
import { CxAccumulator } from '../../src/scoring/cx-metrics';

/** A made-up company result for ranking tests: only the figures rankings read. */
export function companyResult(
  key: string,
  figures: Partial<
    Pick<CompanyResult, 'industryKey' | 'n' | 'nAnswered' | 'total' | 'answeredOnly' | 'headline'>
  > & {
    channels?: Record<
      string,
      { total: number | null; n: number; answeredOnly?: number | null; nAnswered?: number }
    >;
  } = {},
): CompanyResult {
  const { channels = {}, ...rest } = figures;
  return {
    companyKey: key,
    name: key.toUpperCase(),
    industryKey: 'bank',
    n: 25,
    nAnswered: 25,
    total: 80,
    answeredOnly: 80,
    headline: 80,
    criticalContacts: 0,
    channels: Object.entries(channels).map(([channel, c]) => ({
      key: channel,
      n: c.n,
      nAnswered: c.nAnswered ?? c.n,
      total: c.total,
      answeredOnly: c.answeredOnly ?? c.total,
    })),
    areas: [],
    performances: [],
    cx: new CxAccumulator().result(),
    ...rest,
  };
}
