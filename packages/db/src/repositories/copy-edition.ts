import { deriveEdition, type Edition, type NewEditionIdentity } from '@ksp/domain';
import type { Database } from '../database/create-database';
import { withDatabaseErrors } from '../errors/translate-database-error';
import { editionFromRow, findEditionRow, insertEdition } from './editions';
import { LONG_TRANSACTION } from './transaction-client';

/**
 * Starts a new draft edition from an existing one in one transaction: the source is read, the domain's
 * deriveEdition makes the copy (same stable keys, derivedFrom = source) and it is inserted.
 */
export async function copyEdition(
  db: Pick<Database, 'prisma'>,
  fromKey: string,
  identity: NewEditionIdentity,
): Promise<Edition> {
  return withDatabaseErrors(() =>
    db.prisma.$transaction(async (tx) => {
      const source = editionFromRow(await findEditionRow({ prisma: tx }, fromKey));
      const copy = deriveEdition(source, identity);
      await insertEdition(tx, copy);
      return copy;
    }, LONG_TRANSACTION),
  );
}
