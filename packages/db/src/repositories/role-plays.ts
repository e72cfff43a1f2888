import type { LocalizedText } from '@ksp/domain';
import type { Database } from '../database/create-database';
import { NotFoundError } from '../errors/database-errors';
import { withDatabaseErrors } from '../errors/translate-database-error';

type Db = Pick<Database, 'prisma'>;

/** A scenario observers play when contacting companies in one edition. */
export interface RolePlayRecord {
  key: string;
  title: LocalizedText;
  instructions: LocalizedText;
  order: number;
}

/** Adds role plays to an edition; keys already there are left as they are. Returns how many were added. */
export async function addRolePlays(
  db: Db,
  editionKey: string,
  rolePlays: readonly RolePlayRecord[],
): Promise<number> {
  const edition = await db.prisma.edition.findUnique({ where: { key: editionKey }, select: { id: true } });
  if (!edition) throw new NotFoundError(`edition ${editionKey} does not exist`);
  const { count } = await withDatabaseErrors(() =>
    db.prisma.rolePlay.createMany({
      data: rolePlays.map((r) => ({
        editionId: edition.id,
        key: r.key,
        title: r.title,
        instructions: r.instructions,
        order: r.order,
      })),
      skipDuplicates: true,
    }),
  );
  return count;
}

export async function listRolePlays(db: Db, editionKey: string): Promise<RolePlayRecord[]> {
  const rows = await db.prisma.rolePlay.findMany({
    where: { edition: { key: editionKey } },
    orderBy: [{ order: 'asc' }, { key: 'asc' }],
  });
  return rows.map((r) => ({
    key: r.key,
    title: r.title as LocalizedText,
    instructions: r.instructions as LocalizedText,
    order: r.order,
  }));
}
