import { type Edition, emptyEdition, type NewEditionName } from '@ksp/domain';
import type { Database } from '../database/create-database';
import { withDatabaseErrors } from '../errors/translate-database-error';
import { type RecordChange, recordNothing } from './change-recorder';
import { insertEdition } from './editions';

/**
 * Starts a draft edition from scratch (the domain's emptyEdition: the four KSP channels, no areas yet), in one
 * transaction with its audit entry. Not checked with parseEdition: a draft without areas is allowed until it
 * is published.
 */
export async function createEmptyEdition(
  db: Pick<Database, 'prisma'>,
  name: NewEditionName,
  recordChange: RecordChange = recordNothing,
): Promise<{ edition: Edition; editionId: number }> {
  const edition = emptyEdition(name);
  return withDatabaseErrors(() =>
    db.prisma.$transaction(async (tx) => {
      const editionId = await insertEdition(tx, edition);
      await recordChange(tx, {
        action: 'edition.create',
        entityType: 'Edition',
        entityId: edition.key,
        editionId,
        after: { fromScratch: true, key: edition.key, year: edition.year, name: edition.name },
      });
      return { edition, editionId };
    }),
  );
}
