import { keyFromText } from '../edition-tree/key-from-text';
import type { Edition } from '../model/edition';
import type { LocalizedText } from '../model/locale';

/**
 * The draft with a key made from its name (keyFromText) for every item added since `stored` whose key is
 * still the editor's placeholder (`isPlaceholder`): keys never change once saved, so they are made from
 * the text the admin wrote, at the save. The headline area follows a renamed area.
 */
export function nameNewKeys(
  stored: Edition,
  draft: Edition,
  isPlaceholder: (key: string) => boolean,
): Edition {
  const performances = (e: Edition) => e.areas.flatMap((a) => a.performances);
  const questions = (e: Edition) => performances(e).flatMap((p) => p.questions);
  const known = {
    area: new Set(stored.areas.map((a) => a.key)),
    performance: new Set(performances(stored).map((p) => p.key)),
    question: new Set(questions(stored).map((q) => q.key)),
  };
  const taken = {
    area: new Set(draft.areas.map((a) => a.key)),
    performance: new Set(performances(draft).map((p) => p.key)),
    question: new Set(questions(draft).map((q) => q.key)),
  };
  const named = <T extends { key: string }>(level: keyof typeof known, item: T, text: LocalizedText): T => {
    if (known[level].has(item.key) || !isPlaceholder(item.key)) return item;
    taken[level].delete(item.key);
    const key = keyFromText(text, taken[level], item.key);
    taken[level].add(key);
    return { ...item, key };
  };
  const renamedAreas = new Map<string, string>();
  const areas = draft.areas.map((area) => {
    const renamed = named('area', area, area.name);
    renamedAreas.set(area.key, renamed.key);
    return {
      ...renamed,
      performances: area.performances.map((performance) => ({
        ...named('performance', performance, performance.name),
        questions: performance.questions.map((question) => named('question', question, question.text)),
      })),
    };
  });
  const headline = draft.scoring.headlineAreaKey;
  return {
    ...draft,
    areas,
    scoring: {
      ...draft.scoring,
      headlineAreaKey: headline === null ? null : (renamedAreas.get(headline) ?? headline),
    },
  };
}
