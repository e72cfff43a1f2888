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

/** What the new-edition dialog asks for: a copy of an edition (createEditionFrom), or an empty draft. */
export type NewEditionRequest =
  | { from: 'copy'; sourceKey: string; key: string; year: number }
  | { from: 'scratch'; key: string; year: number; name: string };
