import { byOrder } from '../edition-tree/sibling-order';
import type { Area } from '../model/area';
import type { ChannelRule } from '../model/channel';
import type { Edition } from '../model/edition';
import type { Performance } from '../model/performance';
import type { Question } from '../model/question';

/** An edition's items by stable key, each with where it sits, in survey order. */
export interface IndexedEdition {
  edition: Edition;
  channels: Map<string, ChannelRule>;
  areas: Map<string, Area>;
  performances: Map<string, { performance: Performance; area: Area }>;
  questions: Map<string, { question: Question; performance: Performance; area: Area }>;
}

export function indexEdition(edition: Edition): IndexedEdition {
  const index: IndexedEdition = {
    edition,
    channels: new Map(byOrder(edition.channels).map((c) => [c.key, c])),
    areas: new Map(),
    performances: new Map(),
    questions: new Map(),
  };
  for (const area of byOrder(edition.areas)) {
    index.areas.set(area.key, area);
    for (const performance of byOrder(area.performances)) {
      index.performances.set(performance.key, { performance, area });
      for (const question of byOrder(performance.questions)) {
        index.questions.set(question.key, { question, performance, area });
      }
    }
  }
  return index;
}

/** Whether a question feeds any score: the total (scored question in a scored area) or a separate index (CX). */
export const questionCountsInScore = (question: Question, area: Area): boolean =>
  area.counting === 'separateIndex' || (area.counting === 'scored' && question.scored);

/** Whether a question feeds Totalresultat. */
export const questionCountsInTotal = (question: Question, area: Area): boolean =>
  area.counting === 'scored' && question.scored;

export const performanceCountsInScore = (performance: Performance, area: Area): boolean =>
  performance.questions.some((q) => questionCountsInScore(q, area));

export const performanceCountsInTotal = (performance: Performance, area: Area): boolean =>
  performance.questions.some((q) => questionCountsInTotal(q, area));
