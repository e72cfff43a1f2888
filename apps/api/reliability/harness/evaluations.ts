import type { Database } from '@ksp/db';
import type { Evaluation } from '@ksp/domain';
import { demoCompanies, generateDemoEvaluations, ksp24 } from '@ksp/domain/fixtures';

/** The GraphQL input for one evaluation. */
export function submitInput(evaluation: Evaluation) {
  return {
    editionKey: evaluation.editionKey,
    contactId: evaluation.id,
    companyKey: evaluation.companyKey,
    channelKey: evaluation.channel,
    rolePlayKey: evaluation.rolePlayKey,
    contactedAt: evaluation.contactedAt,
    answered: evaluation.answered,
    waitingTime: evaluation.waitingTime,
    answers: evaluation.answers.map((a) => ({
      questionKey: a.questionKey,
      optionKey: a.optionKey,
      text: a.text,
      notApplicable: a.notApplicable,
    })),
    comments: Object.entries(evaluation.comments).map(([areaKey, text]) => ({ areaKey, text })),
  };
}

export const SUBMIT = `mutation($input: SubmitEvaluationInput!) {
  submitEvaluation(input: $input) {
    __typename
    ... on Evaluation { id }
    ... on Error { message }
  } }`;

/** The channels each company is measured on in KSP24, as stored: fresh evaluations keep to them. */
export async function measuredChannels(db: Pick<Database, 'prisma'>): Promise<Map<string, string[]>> {
  const rows = await db.prisma.companyParticipation.findMany({
    where: { edition: { key: 'KSP24' } },
    select: { channels: true, company: { select: { key: true } } },
  });
  return new Map(rows.map((r) => [r.company.key, r.channels]));
}

/**
 * Fresh KSP24 evaluations (not in the seeded data: another seed and `prefix` ids) for the companies the test
 * data enrolled, on channels they are measured on (`measured`), each with a long comment on every area so one
 * submission is a large write.
 */
export function freshEvaluations(
  measured: ReadonlyMap<string, readonly string[]>,
  prefix: string,
  count: number,
): Evaluation[] {
  const participants = demoCompanies.filter((c) => measured.has(c.key));
  const areaKeys = ksp24.areas.map((a) => a.key);
  const all = generateDemoEvaluations(ksp24, participants, { seed: 991, contactsPerCompany: 30 }).filter(
    (e) => measured.get(e.companyKey)?.includes(e.channel),
  );
  return all.slice(0, count).map((evaluation, i) => ({
    ...evaluation,
    id: `${prefix}-${i}`,
    rolePlayKey: null,
    comments: Object.fromEntries(areaKeys.map((key) => [key, `${prefix} ${i} ${key} `.repeat(200)])),
  }));
}
