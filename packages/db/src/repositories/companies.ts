import type { CompanyInfo } from '@ksp/domain';
import type { Database } from '../database/create-database';
import { NotFoundError } from '../errors/database-errors';
import { withDatabaseErrors } from '../errors/translate-database-error';

type Db = Pick<Database, 'prisma'>;

/** Adds companies whose key is new (existing ones are left as they are). Returns how many were added. */
export async function addCompanies(db: Db, companies: readonly CompanyInfo[]): Promise<number> {
  const industries = await db.prisma.industry.findMany({ select: { id: true, key: true } });
  const industryId = new Map(industries.map((i) => [i.key, i.id]));
  const unknown = [...new Set(companies.map((c) => c.industryKey).filter((key) => !industryId.has(key)))];
  if (unknown.length > 0) throw new NotFoundError(`unknown industries: ${unknown.join(', ')}`);
  const { count } = await withDatabaseErrors(() =>
    db.prisma.company.createMany({
      data: companies.map((c) => ({
        key: c.key,
        name: c.name,
        industryId: industryId.get(c.industryKey) as number,
      })),
      skipDuplicates: true,
    }),
  );
  return count;
}

/** Every company with its current industry, by key. */
export async function listCompanies(db: Db): Promise<CompanyInfo[]> {
  const rows = await db.prisma.company.findMany({
    orderBy: { key: 'asc' },
    include: { industry: { select: { key: true } } },
  });
  return rows.map((r) => ({ key: r.key, name: r.name, industryKey: r.industry.key }));
}
