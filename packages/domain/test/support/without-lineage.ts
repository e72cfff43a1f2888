import type { Area } from '../../src/model/area';

/** The areas with every lineage removed, to compare survey content alone (deriveEdition resets lineage). */
export function withoutLineage(areas: readonly Area[]): Area[] {
  return areas.map(({ lineage: _a, ...area }) => ({
    ...area,
    performances: area.performances.map(({ lineage: _p, ...performance }) => ({
      ...performance,
      questions: performance.questions.map(({ lineage: _q, ...question }) => question),
    })),
  }));
}
