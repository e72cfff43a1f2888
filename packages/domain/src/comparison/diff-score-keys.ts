import type { Area } from '../model/area';
import type { Performance } from '../model/performance';
import type { Question } from '../model/question';
import type { EditionDiff } from './definition-change';

/** The scores that are not like-for-like between the two editions of a diff. */
export interface ChangedScoreKeys {
  /** Totalresultat (and Score for besvarte) cannot be compared as like-for-like. */
  total: boolean;
  channels: Set<string>;
  areas: Set<string>;
  performances: Set<string>;
  questions: Set<string>;
}

/**
 * Collects, from the changes that affect scores, the keys whose year-to-year deltas must be flagged.
 * A change marks its own item and every parent it sits in (in both editions for a move); an added or
 * removed area or performance marks everything inside it. A change of scoring rules or of a channel marks
 * the total (and the channel), not each area.
 */
export function changedScoreKeys(diff: EditionDiff): ChangedScoreKeys {
  const keys: ChangedScoreKeys = {
    total: false,
    channels: new Set(),
    areas: new Set(),
    performances: new Set(),
    questions: new Set(),
  };
  for (const change of diff.changes) {
    if (!change.affectsScores) continue;
    if (change.affectsTotal ?? true) keys.total = true;
    if (change.level === 'channel') keys.channels.add(change.key);
    if (change.areaKey) keys.areas.add(change.areaKey);
    if (change.performanceKey) keys.performances.add(change.performanceKey);
    if (change.level === 'question') keys.questions.add(change.key);

    for (const side of [change.before, change.after]) {
      if (change.kind === 'moved') addMoveOrigin(keys, side);
      if (change.kind === 'added' || change.kind === 'removed') {
        if (change.level === 'area' && side) addArea(keys, side as Area);
        if (change.level === 'performance' && side) addPerformance(keys, side as Performance);
      }
    }
  }
  return keys;
}

function addMoveOrigin(keys: ChangedScoreKeys, side: unknown) {
  const place = side as { areaKey?: string; performanceKey?: string } | null;
  if (place?.areaKey) keys.areas.add(place.areaKey);
  if (place?.performanceKey) keys.performances.add(place.performanceKey);
}

function addArea(keys: ChangedScoreKeys, area: Area) {
  keys.areas.add(area.key);
  for (const performance of area.performances) addPerformance(keys, performance);
}

function addPerformance(keys: ChangedScoreKeys, performance: Performance) {
  keys.performances.add(performance.key);
  for (const question of performance.questions as Question[]) keys.questions.add(question.key);
}
