import { byOrder } from '../edition-tree/sibling-order';
import type { Area } from '../model/area';
import type { ChannelKey } from '../model/channel';
import type { Edition } from '../model/edition';
import type { Performance } from '../model/performance';
import type { Question } from '../model/question';

/** A question as asked on one channel, with the area and performance it belongs to. */
export interface ChannelQuestion {
  question: Question;
  area: Area;
  performance: Performance;
}

/** The questions an observer answers on a channel, in survey order (area, performance, question). */
export function questionsForChannel(edition: Edition, channel: ChannelKey): ChannelQuestion[] {
  const out: ChannelQuestion[] = [];
  for (const area of byOrder(edition.areas)) {
    for (const performance of byOrder(area.performances)) {
      for (const question of byOrder(performance.questions)) {
        if (question.channels.includes(channel)) out.push({ question, area, performance });
      }
    }
  }
  return out;
}
