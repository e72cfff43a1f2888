import type { Edition } from '../model/edition';
import type { LineageMark } from '../model/lineage';
import { DomainValidationError } from '../validation/issue';
import type { LineageLevel } from './edition-lineage';

/** An admin's correction of one item's lineage; the mark is then kept when lineage is refreshed. */
export interface LineageEdit {
  level: LineageLevel;
  key: string;
  mark: LineageMark;
  /** Defaults to the item's current predecessors (or its own key when it has none recorded). */
  predecessorKeys?: string[];
}

export function setLineageMark(edition: Edition, edit: LineageEdit): Edition {
  let found = false;
  const apply = <T extends { key: string; lineage?: { predecessorKeys: string[] } | null }>(item: T): T => {
    if (item.key !== edit.key) return item;
    found = true;
    const predecessorKeys =
      edit.predecessorKeys ?? (edit.mark === 'new' ? [] : (item.lineage?.predecessorKeys ?? [item.key]));
    return { ...item, lineage: { predecessorKeys, mark: edit.mark, markSetBy: 'admin' } };
  };
  const problems: string[] = [];
  if (edit.mark === 'new' && (edit.predecessorKeys?.length ?? 0) > 0)
    problems.push('a new item has no predecessors');
  if (edit.mark !== 'new' && edit.predecessorKeys?.length === 0)
    problems.push(`a ${edit.mark} item needs at least one predecessor`);
  const areas = edition.areas.map((area) => {
    const a = edit.level === 'area' ? apply(area) : area;
    return {
      ...a,
      performances: a.performances.map((performance) => {
        const p = edit.level === 'performance' ? apply(performance) : performance;
        return { ...p, questions: edit.level === 'question' ? p.questions.map(apply) : p.questions };
      }),
    };
  });
  if (!found) problems.push(`no ${edit.level} "${edit.key}" in ${edition.key}`);
  if (problems.length > 0)
    throw new DomainValidationError(
      'Lineage edit',
      problems.map((message) => ({ path: `${edit.level}:${edit.key}`, message })),
    );
  return { ...edition, areas };
}
