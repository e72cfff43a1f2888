import type { DefinitionChange } from '../comparison/definition-change';
import { diffEditions } from '../comparison/diff-editions';
import { indexEdition, performanceCountsInScore, questionCountsInScore } from '../comparison/diff-index';
import type { Area } from '../model/area';
import type { Edition } from '../model/edition';
import type { Lineage } from '../model/lineage';
import { containerLineage } from './container-mark';
import type { EditionLineage } from './edition-lineage';
import { questionMark } from './question-mark';

/**
 * The lineage of every area, performance and question of `to` against `from`, with marks taken from
 * diffEditions(from, to) (see docs/comparability.md). A child "weighs" in its container when it feeds the
 * container's score; in a container with nothing scored (GDPR, recorded-only items) every child weighs,
 * because its shadow score is what is reported.
 */
export function computeLineage(from: Edition, to: Edition): EditionLineage {
  const before = indexEdition(from);
  const after = indexEdition(to);
  const changes = diffEditions(from, to).changes;
  const changesOf = (level: DefinitionChange['level'], key: string) =>
    changes.filter((c) => c.level === level && c.key === key);
  const waitingChanged = new Set(
    changes.filter((c) => c.level === 'channel' && c.affectsScores).map((c) => c.key),
  );

  const questions: Record<string, Lineage> = {};
  for (const [key, { question }] of after.questions) {
    const old = before.questions.get(key);
    questions[key] = old
      ? {
          predecessorKeys: [key],
          mark: questionMark(
            changesOf('question', key),
            old.question,
            question,
            question.channels.some((c) => waitingChanged.has(c)),
          ),
          markSetBy: 'derivation',
        }
      : { predecessorKeys: [], mark: 'new', markSetBy: 'derivation' };
  }

  const questionWeighs = (index: typeof before) => (key: string) => {
    const place = index.questions.get(key);
    if (!place) return false;
    return (
      questionCountsInScore(place.question, place.area) ||
      !performanceCountsInScore(place.performance, place.area)
    );
  };
  const newPerformances = keysOnlyIn(after.performances, before.performances);
  const retiredPerformances = keysOnlyIn(before.performances, after.performances);
  const performances: Record<string, Lineage> = {};
  for (const [key, { performance }] of after.performances) {
    const old = before.performances.get(key);
    const own = changesOf('performance', key);
    performances[key] = containerLineage({
      key,
      existedBefore: old !== undefined,
      ownRescaled: false,
      ownMoved: own.some((c) => c.kind === 'moved'),
      ownReworded: own.some((c) => c.kind === 'renamed' || c.kind === 'descriptionChanged'),
      childrenNow: performance.questions.map((q) => q.key),
      childrenBefore: old?.performance.questions.map((q) => q.key) ?? [],
      parentBefore: (q) => before.questions.get(q)?.performance.key,
      parentNow: (q) => after.questions.get(q)?.performance.key,
      childMark: (q) => questions[q]?.mark ?? 'new',
      childWeighsBefore: questionWeighs(before),
      childWeighsNow: questionWeighs(after),
      newContainers: newPerformances,
      retiredContainers: retiredPerformances,
    });
  }

  const performanceWeighs = (index: typeof before) => (key: string) => {
    const place = index.performances.get(key);
    if (!place) return false;
    return performanceCountsInScore(place.performance, place.area) || !areaCountsInScore(place.area);
  };
  const newAreas = keysOnlyIn(after.areas, before.areas);
  const retiredAreas = keysOnlyIn(before.areas, after.areas);
  const areas: Record<string, Lineage> = {};
  for (const [key, area] of after.areas) {
    const old = before.areas.get(key);
    const own = changesOf('area', key);
    areas[key] = containerLineage({
      key,
      existedBefore: old !== undefined,
      ownRescaled: own.some(
        (c) => (c.kind === 'countingChanged' || c.kind === 'weightChanged') && c.affectsScores,
      ),
      ownMoved: false,
      ownReworded: own.some((c) => c.kind === 'renamed' || c.kind === 'descriptionChanged'),
      childrenNow: area.performances.map((p) => p.key),
      childrenBefore: old?.performances.map((p) => p.key) ?? [],
      parentBefore: (p) => before.performances.get(p)?.area.key,
      parentNow: (p) => after.performances.get(p)?.area.key,
      childMark: (p) => performances[p]?.mark ?? 'new',
      childWeighsBefore: performanceWeighs(before),
      childWeighsNow: performanceWeighs(after),
      newContainers: newAreas,
      retiredContainers: retiredAreas,
    });
  }

  return {
    fromKey: from.key,
    toKey: to.key,
    areas,
    performances,
    questions,
    retired: {
      areas: [...retiredAreas],
      performances: [...retiredPerformances],
      questions: [...keysOnlyIn(before.questions, after.questions)],
    },
  };
}

const areaCountsInScore = (area: Area) => area.performances.some((p) => performanceCountsInScore(p, area));

function keysOnlyIn(a: Map<string, unknown>, b: Map<string, unknown>): Set<string> {
  return new Set([...a.keys()].filter((k) => !b.has(k)));
}
