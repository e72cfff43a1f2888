import type { OutboxClient, PrismaClient } from '@ksp/db';
import type { AwardSnapshot } from '@ksp/domain';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Context } from '../context';
import { recordEvent } from './record-event';

// The `data` of each event, built in one place so receivers get the same shape from every caller.
// Each function runs inside the transaction of the change it reports (see recordEvent).

type Tx = OutboxClient;
/** A Prisma interactive transaction. */
type PrismaTx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
type Ctx = Pick<Context, 'viewer'>;

export type EvaluationSubmittedData = {
  editionKey: string;
  contactId: string;
  /** The evaluation's GraphQL global id (`node(id:)`). */
  evaluationId: string;
  companyKey: string;
  channelKey: string;
  answered: boolean;
  contactedAt: string;
};

/** One `evaluationSubmitted` per evaluation the write inserted (none for a contact id already stored). */
export async function recordEvaluationsSubmitted(
  tx: Tx,
  context: Ctx,
  evaluation: {
    editionKey: string;
    companyKey: string;
    channel: string;
    answered: boolean;
    contactedAt: string;
  },
  inserted: readonly { id: string; contactId: string }[],
): Promise<void> {
  for (const row of inserted) {
    const data: EvaluationSubmittedData = {
      editionKey: evaluation.editionKey,
      contactId: row.contactId,
      evaluationId: encodeGlobalID('Evaluation', row.id),
      companyKey: evaluation.companyKey,
      channelKey: evaluation.channel,
      answered: evaluation.answered,
      contactedAt: new Date(evaluation.contactedAt).toISOString(),
    };
    await recordEvent(tx, context, 'evaluationSubmitted', data);
  }
}

export type EditionPublishedData = { editionKey: string; year: number; name: string; version: number };

/** `editionPublished`, with the edition as the transaction sees it after the status change. */
export async function recordEditionPublished(tx: PrismaTx, context: Ctx, editionId: number): Promise<void> {
  const edition = await tx.edition.findUniqueOrThrow({
    where: { id: editionId },
    select: { key: true, year: true, name: true, version: true },
  });
  const data: EditionPublishedData = {
    editionKey: edition.key,
    year: edition.year,
    name: edition.name,
    version: edition.version,
  };
  await recordEvent(tx, context, 'editionPublished', data);
}

export type ResultsPublishedData = {
  editionKey: string;
  revision: number;
  /** `publish` for revision 1, `correct` for later revisions. */
  kind: 'publish' | 'correct';
  reason: string | null;
  rulesVersion: string;
  /** The first at the overall place 1 (by key order when the place is shared: see the two fields below). */
  overallWinner: string | null;
  /** Every company sharing the overall first place (empty without a winner). */
  overallWinners: string[];
  /** True when the overall first place is shared: only key order would name `overallWinner`. */
  overallWinnerDecidedByKeyOrder: boolean;
};

/** `resultsPublished` for a stored award snapshot revision (first publication or a correction). */
export async function recordResultsPublished(
  tx: Tx,
  context: Ctx,
  kind: 'publish' | 'correct',
  record: {
    editionKey: string;
    revision: number;
    reason: string | null;
    rulesVersion: string;
    snapshot: Pick<AwardSnapshot, 'winners' | 'overallWinners' | 'overallWinnerDecidedByKeyOrder'>;
  },
): Promise<void> {
  const overallWinner = record.snapshot.winners.overall;
  const data: ResultsPublishedData = {
    editionKey: record.editionKey,
    revision: record.revision,
    kind,
    reason: record.reason,
    rulesVersion: record.rulesVersion,
    overallWinner,
    // Snapshots are stored as version 2 from now on; the fallbacks only type-check the version 1 shape.
    overallWinners: record.snapshot.overallWinners ?? (overallWinner ? [overallWinner] : []),
    overallWinnerDecidedByKeyOrder: record.snapshot.overallWinnerDecidedByKeyOrder ?? false,
  };
  await recordEvent(tx, context, 'resultsPublished', data);
}
