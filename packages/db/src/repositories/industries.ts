import type { LocalizedText } from '@ksp/domain';
import type { Database } from '../database/create-database';
import { withDatabaseErrors } from '../errors/translate-database-error';

export interface IndustryRecord {
  key: string;
  name: LocalizedText;
}

type Db = Pick<Database, 'prisma'>;

/** Adds industries whose key is new; existing keys are left as they are. Returns how many were added. */
export async function addIndustries(db: Db, industries: readonly IndustryRecord[]): Promise<number> {
  const { count } = await withDatabaseErrors(() =>
    db.prisma.industry.createMany({
      data: industries.map((i) => ({ key: i.key, name: i.name })),
      skipDuplicates: true,
    }),
  );
  return count;
}

export async function listIndustries(db: Db): Promise<IndustryRecord[]> {
  const rows = await db.prisma.industry.findMany({ orderBy: { key: 'asc' } });
  return rows.map((r) => ({ key: r.key, name: r.name as LocalizedText }));
}
