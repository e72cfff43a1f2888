import type { Edition } from '../model/edition';
import type { Lineage } from '../model/lineage';

const identical = (key: string): Lineage => ({
  predecessorKeys: [key],
  mark: 'identical',
  markSetBy: 'derivation',
});

/** A freshly derived copy: every item is identical to the item with the same key in the source. */
export function withIdenticalLineage(edition: Edition): Edition {
  return {
    ...edition,
    areas: edition.areas.map((area) => ({
      ...area,
      lineage: identical(area.key),
      performances: area.performances.map((performance) => ({
        ...performance,
        lineage: identical(performance.key),
        questions: performance.questions.map((question) => ({
          ...question,
          lineage: identical(question.key),
        })),
      })),
    })),
  };
}
