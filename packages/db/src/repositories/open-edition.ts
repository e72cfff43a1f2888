import { EditionReadOnlyError } from '../errors/database-errors';
import { RecordNotFoundError } from '../errors/record-not-found-error';
import type { TransactionClient } from './transaction-client';

/** The edition to change participations or role plays in: it must exist and not be closed (closed = frozen). */
export async function findOpenEdition(tx: TransactionClient, editionKey: string) {
  const edition = await tx.edition.findUnique({
    where: { key: editionKey },
    select: { id: true, key: true, status: true, channels: { select: { key: true } } },
  });
  if (!edition) throw new RecordNotFoundError('Edition', editionKey, `edition ${editionKey} does not exist`);
  if (edition.status === 'closed')
    throw new EditionReadOnlyError(
      `edition ${editionKey} is closed: its participants and role plays are frozen`,
    );
  return { ...edition, channelKeys: new Set(edition.channels.map((c) => c.key)) };
}
