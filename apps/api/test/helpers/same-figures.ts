import { resultsDifferences } from '@ksp/domain';
import { expect } from 'vitest';

/**
 * Served results (summed from stored contact scores) against the domain's scoring of the same answers: equal,
 * numbers within SCORE_TIE_TOLERANCE (the database adds the same figures in another order).
 */
export function expectSameFigures(served: unknown, expected: unknown): void {
  expect(resultsDifferences(served, JSON.parse(JSON.stringify(expected)))).toEqual([]);
}
