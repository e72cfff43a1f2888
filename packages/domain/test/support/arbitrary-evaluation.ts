import fc from 'fast-check';
import type { Edition } from '../../src/model/edition';
import type { Evaluation } from '../../src/model/evaluation';
import { questionsForChannel } from '../../src/validation/questions-for-channel';

/**
 * Valid evaluations of an edition: a channel, answered or not, a waiting time within 0–1.5 × max wait,
 * and for each applicable option question an option, N/A (where allowed) or no answer (when optional).
 */
export function arbitraryEvaluation(
  edition: Edition,
  companyKeys: readonly string[],
  channel?: string,
): fc.Arbitrary<Evaluation> {
  const channels = channel ? [channel] : edition.channels.map((c) => c.key);
  return fc
    .record({
      id: fc.uuid(),
      companyKey: fc.constantFrom(...companyKeys),
      channel: fc.constantFrom(...channels),
      answered: fc.boolean(),
      waitFraction: fc.double({ min: 0, max: 1.5, noNaN: true }),
      picks: fc.array(fc.nat(100), { minLength: 64, maxLength: 64 }),
    })
    .map(({ id, companyKey, channel: key, answered, waitFraction, picks }) => {
      const rule = edition.channels.find((c) => c.key === key);
      const answers: Evaluation['answers'] = [];
      if (answered) {
        questionsForChannel(edition, key).forEach(({ question }, i) => {
          if (question.type === 'comment' || question.type === 'waitingTime') return;
          const pick = picks[i % picks.length] ?? 0;
          const choices =
            question.options.length + (question.allowNotApplicable ? 1 : 0) + (question.required ? 0 : 1);
          const choice = pick % choices;
          if (choice < question.options.length) {
            answers.push({
              questionKey: question.key,
              optionKey: question.options[choice]?.key ?? null,
              text: null,
              notApplicable: false,
            });
          } else if (question.allowNotApplicable && choice === question.options.length) {
            answers.push({ questionKey: question.key, optionKey: null, text: null, notApplicable: true });
          }
        });
      }
      return {
        id,
        editionKey: edition.key,
        companyKey,
        industryKey: 'any',
        channel: key,
        rolePlayKey: null,
        observerKey: null,
        contactedAt: '2024-03-01T10:00:00+01:00',
        answered,
        waitingTime: answered ? waitFraction * (rule?.maxWait ?? 1) : null,
        earlierAttempts: [],
        answers,
        comments: {},
      };
    });
}
