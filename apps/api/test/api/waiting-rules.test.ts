import { loadEdition } from '@ksp/db';
import { testDatabaseKinds } from '@ksp/db/testing';
import { type Edition, questionsForChannel } from '@ksp/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerWithDatabase } from '../helpers/test-server';

/**
 * The published waiting rules, through GraphQL: an answer after a channel's maximum wait counts as not answered
 * (the contact scores 0) unless the channel's late answers count (Messenger: answered, 0 waiting points).
 */

const SUBMIT = `mutation($input: SubmitEvaluationInput!) { submitEvaluation(input: $input) {
  __typename
  ... on Evaluation { id outcome earlierAttempts { at answered waitingTime } }
  ... on Error { message }
} }`;
const EXPLAIN = `query($id: ID!) { explainContact(evaluationId: $id) {
  __typename
  ... on ContactExplanation { outcome answered total totalRule }
} }`;

/** Every question asked on the channel answered with its best option (the most points; the first unscored). */
function bestAnswers(edition: Edition, channel: string) {
  return questionsForChannel(edition, channel)
    .filter(({ question }) => question.type !== 'waitingTime')
    .map(({ question }) => {
      if (question.type === 'comment') return { questionKey: question.key, text: 'Fint.' };
      const best = [...question.options].sort((a, b) => (b.points ?? 0) - (a.points ?? 0))[0];
      return { questionKey: question.key, optionKey: best?.key ?? null };
    });
}

describe.each(testDatabaseKinds())('waiting rules through GraphQL (%s)', (kind) => {
  let app: Awaited<ReturnType<typeof startServerWithDatabase>>;
  let edition: Edition;
  let companyOn: (channel: string) => string;
  beforeAll(async () => {
    app = await startServerWithDatabase(kind);
    edition = await loadEdition(app.db, 'KSP24');
    const participations = await app.db.prisma.companyParticipation.findMany({
      where: { edition: { key: 'KSP24' } },
      select: { channels: true, company: { select: { key: true } } },
    });
    companyOn = (channel) => {
      const found = participations.find((p) => p.channels.includes(channel));
      if (!found) throw new Error(`no company measured on ${channel}`);
      return found.company.key;
    };
  });
  afterAll(() => app?.close());

  const contact = async (contactId: string, channel: string, waitingTime: number, extra = {}) => {
    const submitted = await app.gql(
      SUBMIT,
      {
        input: {
          editionKey: 'KSP24',
          contactId,
          companyKey: companyOn(channel),
          channelKey: channel,
          contactedAt: '2024-03-05T10:00:00+01:00',
          answered: true,
          waitingTime,
          answers: bestAnswers(edition, channel),
          ...extra,
        },
      },
      app.tokens.admin,
    );
    expect(submitted.data?.submitEvaluation.__typename, JSON.stringify(submitted)).toBe('Evaluation');
    const explained = await app.gql(EXPLAIN, { id: submitted.data?.submitEvaluation.id }, app.tokens.analyst);
    return { ...submitted.data?.submitEvaluation, ...explained.data?.explainContact };
  };

  it('phone: 7 minutes against a 5-minute maximum counts as not answered and scores 0', async () => {
    const fast = await contact('wr-phone-fast', 'phone', 0.5);
    expect(fast).toMatchObject({ outcome: 'answered', answered: true });
    // Every option the best, answered in the first band: a perfect contact.
    expect(fast.total).toBeCloseTo(100, 10);
    const late = await contact('wr-phone-late', 'phone', 7);
    expect(late).toMatchObject({
      outcome: 'answeredTooLate',
      answered: false,
      total: 0,
      totalRule: 'unanswered',
    });
  });

  it('Messenger: 45 minutes against 30 still counts as answered, with 0 waiting points', async () => {
    const fast = await contact('wr-messenger-fast', 'messenger', 2);
    expect(fast.total).toBeCloseTo(100, 10);
    const late = await contact('wr-messenger-late', 'messenger', 45);
    expect(late).toMatchObject({ outcome: 'lateAnswerCounted', answered: true });
    // Only the waiting points are lost: less than perfect, far from 0.
    expect(late.total).toBeLessThan(100);
    expect(late.total).toBeGreaterThan(80);
  });

  it('records the attempts: a second phone attempt on another day after an unanswered first', async () => {
    const second = await contact('wr-phone-second', 'phone', 1, {
      earlierAttempts: [{ at: '2024-03-04T10:00:00+01:00', answered: false }],
    });
    expect(second).toMatchObject({
      outcome: 'answered',
      earlierAttempts: [{ at: '2024-03-04T09:00:00.000Z', answered: false, waitingTime: null }],
    });
  });
});
