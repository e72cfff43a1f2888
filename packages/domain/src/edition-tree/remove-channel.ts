import type { Edition } from '../model/edition';
import { removeItem } from './remove-item';

/**
 * Removes a channel and takes it off every question's channel list (a question may not name a channel the
 * edition lacks). A question asked on that channel alone is left with none, which checkEdition reports.
 * EditionItemNotFoundError when the channel is not there.
 */
export function removeChannel(edition: Edition, key: string): Edition {
  const without = removeItem(edition, { level: 'channel', key });
  return {
    ...without,
    areas: without.areas.map((area) => ({
      ...area,
      performances: area.performances.map((performance) => ({
        ...performance,
        questions: performance.questions.map((question) =>
          question.channels.includes(key)
            ? { ...question, channels: question.channels.filter((channel) => channel !== key) }
            : question,
        ),
      })),
    })),
  };
}

/** How many questions are asked on a channel (what removing it would touch). */
export function questionsOnChannel(edition: Edition, key: string): number {
  return edition.areas
    .flatMap((area) => area.performances)
    .flatMap((performance) => performance.questions)
    .filter((question) => question.channels.includes(key)).length;
}
