import { findAwardSnapshot, listAwardSnapshots, storeAwardSnapshot } from '../awards/award-snapshots';
import type { Database } from '../database/create-database';
import { loadEditionLookup } from '../repositories/edition-lookup';
import { loadEdition } from '../repositories/editions';
import { loadEvaluations } from '../repositories/evaluations';
import { DEMO_CORRECTED_EDITION, type DemoCorrection, demoCorrection } from './demo-award-correction';

/**
 * The demo's frozen award results: KSP23 published (revision 1), then one answer corrected and the results
 * corrected (revision 2, with the reason). Adds only what is missing; returns how many snapshots it stored.
 * The correction is written as it happened, before KSP23 was closed (closed editions refuse evaluation edits
 * through the API; the seed writes the rows directly).
 */
export async function seedDemoAwardSnapshots(db: Pick<Database, 'prisma' | 'sql'>): Promise<number> {
  const key = DEMO_CORRECTED_EDITION;
  const edition = await db.prisma.edition.findUnique({ where: { key }, select: { id: true } });
  if (!edition) return 0;
  const admin = await db.prisma.user.findUnique({
    where: { email: 'admin@example.org' },
    select: { id: true },
  });
  const createdById = admin?.id ?? null;
  let added = 0;
  let revisions = (await listAwardSnapshots(db, key)).length;
  if (revisions === 0) {
    await storeAwardSnapshot(db, { editionKey: key, kind: 'publish', createdById });
    added++;
    revisions = 1;
  }
  if (revisions >= 2) return added;

  const published = await findAwardSnapshot(db, key, 1);
  const top = published?.snapshot.winners.overall ?? published?.snapshot.overall[0]?.companyKey ?? null;
  const correction = demoCorrection(await loadEdition(db, key), await loadEvaluations(db, key), top);
  if (!correction) return added;
  await writeCorrection(db, correction);
  await storeAwardSnapshot(db, { editionKey: key, kind: 'correct', reason: correction.reason, createdById });
  return added + 1;
}

/** Sets the corrected option on the stored answer and bumps the evaluation's version. */
async function writeCorrection(
  db: Pick<Database, 'prisma' | 'sql'>,
  correction: DemoCorrection,
): Promise<void> {
  const lookup = await loadEditionLookup(db, correction.editionKey);
  const questionId = lookup.questionId.get(correction.questionKey) as number;
  const optionId = lookup.optionId.get(correction.questionKey)?.get(correction.optionKey) as number;
  await db.prisma.$transaction(async (tx) => {
    const evaluation = await tx.evaluation.findUniqueOrThrow({
      where: { editionId_contactId: { editionId: lookup.id, contactId: correction.contactId } },
      select: { id: true, answerQuestionIds: true, answerOptionIds: true },
    });
    const at = evaluation.answerQuestionIds.indexOf(questionId);
    if (at < 0)
      throw new Error(`demo correction: ${correction.contactId} does not answer ${correction.questionKey}`);
    const answerOptionIds = [...evaluation.answerOptionIds];
    answerOptionIds[at] = optionId;
    await tx.evaluation.update({
      where: { id: evaluation.id },
      data: { answerOptionIds, version: { increment: 1 } },
    });
  });
}
