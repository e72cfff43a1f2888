import { deriveEdition, type Edition, type NewEditionIdentity } from '@ksp/domain';
import type { Database } from '../database/create-database';
import { NotFoundError } from '../errors/database-errors';
import { RecordNotFoundError } from '../errors/record-not-found-error';
import { withDatabaseErrors } from '../errors/translate-database-error';
import { type RecordChange, recordNothing } from './change-recorder';
import { editionFromRow, findEditionRow, insertEdition } from './editions';
import { copyParticipations } from './participations';
import { copyRolePlays } from './role-plays';
import { LONG_TRANSACTION } from './transaction-client';

/** What copyEdition made: the new draft edition, its database id, and how much field-work set-up came along. */
export interface CopiedEdition {
  edition: Edition;
  editionId: number;
  participations: number;
  rolePlays: number;
}

/**
 * Starts a new draft edition from an existing one in one transaction, ready for field work: the source is
 * read, the domain's deriveEdition makes the copy of the definition (same stable keys, derivedFrom = source,
 * lineage to the source), it is inserted, and the source's company participations (industry and channels)
 * and role plays come along. `recordChange` writes the audit entry inside the same transaction.
 */
export async function copyEdition(
  db: Pick<Database, 'prisma'>,
  fromKey: string,
  identity: NewEditionIdentity,
  recordChange: RecordChange = recordNothing,
): Promise<CopiedEdition> {
  return withDatabaseErrors(() =>
    db.prisma.$transaction(async (tx) => {
      const sourceRow = await findEditionRow({ prisma: tx }, fromKey).catch((error) => {
        throw error instanceof NotFoundError
          ? new RecordNotFoundError('Edition', fromKey, error.message)
          : error;
      });
      const edition = deriveEdition(editionFromRow(sourceRow), identity);
      const editionId = await insertEdition(tx, edition);
      const participations = await copyParticipations(tx, sourceRow.id, editionId);
      const rolePlays = await copyRolePlays(tx, sourceRow.id, editionId);
      await recordChange(tx, {
        action: 'edition.create',
        entityType: 'Edition',
        entityId: edition.key,
        editionId,
        after: { sourceKey: fromKey, ...identity, participations, rolePlays },
      });
      return { edition, editionId, participations, rolePlays };
    }, LONG_TRANSACTION),
  );
}
