import type { EditionStatus } from '@ksp/domain';

/** One row of the editions list. */
export interface EditionSummary {
  key: string;
  year: number;
  name: string;
  status: EditionStatus;
  derivedFrom: string | null;
  companyCount: number;
  evaluationCount: number;
}
