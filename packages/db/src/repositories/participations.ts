import type { ChannelKey, CompanyInfo } from '@ksp/domain';
import type { Database } from '../database/create-database';
import { NotFoundError } from '../errors/database-errors';
import { withDatabaseErrors } from '../errors/translate-database-error';

type Db = Pick<Database, 'prisma'>;

export interface ParticipationRecord {
  companyKey: string;
  /** The industry the company competes in this edition; default: its current industry. */
  industryKey?: string;
  /** The channels measured for the company this edition. */
  channels: ChannelKey[];
}

/** Enrols companies in an edition; companies already enrolled are left as they are. Returns how many were added. */
export async function addParticipations(
  db: Db,
  editionKey: string,
  participations: readonly ParticipationRecord[],
): Promise<number> {
  const edition = await db.prisma.edition.findUnique({ where: { key: editionKey }, select: { id: true } });
  if (!edition) throw new NotFoundError(`edition ${editionKey} does not exist`);
  const companies = await db.prisma.company.findMany({ select: { id: true, key: true, industryId: true } });
  const industries = await db.prisma.industry.findMany({ select: { id: true, key: true } });
  const companyByKey = new Map(companies.map((c) => [c.key, c]));
  const industryId = new Map(industries.map((i) => [i.key, i.id]));
  const missing = participations.flatMap((p) => [
    ...(companyByKey.has(p.companyKey) ? [] : [`company ${p.companyKey}`]),
    ...(p.industryKey && !industryId.has(p.industryKey) ? [`industry ${p.industryKey}`] : []),
  ]);
  if (missing.length > 0) throw new NotFoundError(`unknown ${[...new Set(missing)].join(', ')}`);
  const { count } = await withDatabaseErrors(() =>
    db.prisma.companyParticipation.createMany({
      data: participations.map((p) => {
        const company = companyByKey.get(p.companyKey) as (typeof companies)[number];
        return {
          editionId: edition.id,
          companyId: company.id,
          industryId: p.industryKey ? (industryId.get(p.industryKey) as number) : company.industryId,
          channels: p.channels,
        };
      }),
      skipDuplicates: true,
    }),
  );
  return count;
}

/** The companies taking part in an edition, each in the industry it competes in that year: the scorer's company list. */
export async function listParticipants(
  db: Db,
  editionKey: string,
): Promise<(CompanyInfo & { channels: ChannelKey[] })[]> {
  const rows = await db.prisma.companyParticipation.findMany({
    where: { edition: { key: editionKey } },
    include: { company: { select: { key: true, name: true } }, industry: { select: { key: true } } },
    orderBy: { company: { key: 'asc' } },
  });
  return rows.map((r) => ({
    key: r.company.key,
    name: r.company.name,
    industryKey: r.industry.key,
    channels: r.channels,
  }));
}
