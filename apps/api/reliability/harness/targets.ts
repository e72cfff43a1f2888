import type { Database } from '@ksp/db';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { CallTargets } from './schema-calls';

export const DEFINITION_QUERY = `query($key: String!) { edition(key: $key) {
  key status version
  channels { key version maxWait maxAttempts weight waitingBands { upTo points } }
  areas { key version counting weight nameTranslations { locale text }
    performances { key version nameTranslations { locale text }
      questions { key version type required scored channels options { key version points value } } } } } }`;

/** Real keys of one edition (first area, performance, question, option, channel, enrolled company) and versions. */
export async function targetsFor(
  db: Database,
  editionKey: string,
  userId: string,
  evaluation: { editionKey?: string; observerEmail?: string } = {},
): Promise<CallTargets> {
  const edition = await db.prisma.edition.findUniqueOrThrow({
    where: { key: editionKey },
    include: {
      areas: { orderBy: { order: 'asc' } },
      performances: { orderBy: { order: 'asc' } },
      questions: { orderBy: { order: 'asc' }, include: { options: true } },
      channels: true,
      participations: { include: { company: { include: { industry: true } } } },
      rolePlays: true,
    },
  });
  const target = await db.prisma.evaluation.findFirstOrThrow({
    where: {
      edition: { key: evaluation.editionKey ?? editionKey },
      ...(evaluation.observerEmail ? { observer: { email: evaluation.observerEmail } } : {}),
    },
  });
  const question = edition.questions.find((q) => q.options.length > 0) ?? edition.questions[0];
  const participation = edition.participations[0];
  const keys: Record<string, string> = {};
  const set = (kind: string, key: string | undefined) => {
    if (key) keys[kind] = key;
  };
  set('area', edition.areas[0]?.key);
  set('performance', edition.performances[0]?.key);
  set('question', question?.key);
  set('option', question?.options[0]?.key);
  set('channel', edition.channels[0]?.key);
  set('company', participation?.company.key);
  set('industry', participation?.company.industry.key);
  set('rolePlay', edition.rolePlays[0]?.key);
  const versions = new Map<string, number>([
    ...edition.areas.map((a) => [`area:${a.key}`, a.version] as const),
    ...edition.performances.map((p) => [`performance:${p.key}`, p.version] as const),
    ...edition.questions.map((q) => [`question:${q.key}`, q.version] as const),
    ...edition.channels.map((c) => [`channel:${c.key}`, c.version] as const),
  ]);
  let n = 0;
  return {
    editionKey,
    keys,
    versions,
    userId,
    evaluationId: encodeGlobalID('Evaluation', target.id),
    unique: () => `${Date.now().toString(36)}${(n++).toString(36)}`,
  };
}
