import type { Lineage } from '../model/lineage';

export type LineageLevel = 'area' | 'performance' | 'question';

/** The lineage of every item of one edition against the edition before it, plus what that edition had and this one dropped. */
export interface EditionLineage {
  fromKey: string;
  toKey: string;
  areas: Record<string, Lineage>;
  performances: Record<string, Lineage>;
  questions: Record<string, Lineage>;
  /** Keys present in `from` and absent in `to`. */
  retired: { areas: string[]; performances: string[]; questions: string[] };
}

export const LINEAGE_LEVELS: readonly LineageLevel[] = ['area', 'performance', 'question'];

export const levelRecord = (lineage: EditionLineage, level: LineageLevel): Record<string, Lineage> =>
  level === 'area' ? lineage.areas : level === 'performance' ? lineage.performances : lineage.questions;
