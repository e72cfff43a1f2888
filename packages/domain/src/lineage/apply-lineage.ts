import type { Edition } from '../model/edition';
import type { Lineage } from '../model/lineage';
import type { EditionLineage } from './edition-lineage';

/**
 * Writes lineage onto a copy of the edition. With `keepAdminMarks`, an item whose current lineage was set by
 * an admin keeps it. Items the lineage does not list get null.
 */
export function applyLineage(
  edition: Edition,
  lineage: EditionLineage,
  { keepAdminMarks = false }: { keepAdminMarks?: boolean } = {},
): Edition {
  const pick = (current: Lineage | null | undefined, computed: Lineage | undefined): Lineage | null =>
    keepAdminMarks && current?.markSetBy === 'admin' ? current : (computed ?? null);
  return {
    ...edition,
    areas: edition.areas.map((area) => ({
      ...area,
      lineage: pick(area.lineage, lineage.areas[area.key]),
      performances: area.performances.map((performance) => ({
        ...performance,
        lineage: pick(performance.lineage, lineage.performances[performance.key]),
        questions: performance.questions.map((question) => ({
          ...question,
          lineage: pick(question.lineage, lineage.questions[question.key]),
        })),
      })),
    })),
  };
}
