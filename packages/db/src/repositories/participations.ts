import { type ChannelKey, type CompanyInfo, DomainValidationError, type ValidationIssue } from '@ksp/domain';
import { VersionMismatchError } from '../awards/version-mismatch-error';
import type { Database } from '../database/create-database';
import { ConstraintViolationError, NotFoundError } from '../errors/database-errors';
import { InUseError } from '../errors/in-use-error';
import { RecordNotFoundError } from '../errors/record-not-found-error';
import { withDatabaseErrors } from '../errors/translate-database-error';
import { type RecordChange, recordNothing } from './change-recorder';
import { findOpenEdition } from './open-edition';
import type { TransactionClient } from './transaction-client';

type Db = Pick<Database, 'prisma'>;

export interface ParticipationRecord {
  companyKey: string;
  /** The industry the company competes in this edition; default: its current industry. */
  industryKey?: string;
  /** The channels measured for the company this edition. */
  channels: ChannelKey[];
}

/** A participation as stored: the company, the industry it competes in that year, its channels and version. */
export interface StoredParticipation {
  companyKey: string;
  industryKey: string;
  channels: string[];
  version: number;
}

/**
 * A new participation's row: in the industry the record names, else in the company's current one. The
 * caller has checked that the company (and the industry, if named) exist in the maps by key.
 */
function participationRow(
  editionId: number,
  record: ParticipationRecord,
  companies: ReadonlyMap<string, { id: number; industryId: number }>,
  industryId: ReadonlyMap<string, number>,
) {
  const company = companies.get(record.companyKey) as { id: number; industryId: number };
  return {
    editionId,
    companyId: company.id,
    industryId: record.industryKey ? (industryId.get(record.industryKey) as number) : company.industryId,
    channels: record.channels,
  };
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
      data: participations.map((p) => participationRow(edition.id, p, companyByKey, industryId)),
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

/** Problems with a channel list: empty, repeated, or not one of the edition's channels. */
function channelIssues(
  channels: readonly string[],
  editionChannels: Set<string>,
  path: string,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (channels.length === 0) issues.push({ path, message: 'name at least one channel' });
  channels.forEach((channel, i) => {
    if (!editionChannels.has(channel))
      issues.push({ path: `${path}[${i}]`, message: `channel "${channel}" is not in this edition` });
    else if (channels.indexOf(channel) !== i)
      issues.push({ path: `${path}[${i}]`, message: `channel "${channel}" is named twice` });
  });
  return issues;
}

const participationInclude = {
  company: { select: { key: true } },
  industry: { select: { key: true } },
} as const;

/** How the audit trail names a participation. */
const participationEntity = (editionKey: string, companyKey: string, editionId: number) => ({
  entityType: 'CompanyParticipation',
  entityId: `${editionKey}/${companyKey}`,
  editionId,
});

/** The company's participation in the edition (with its company and industry keys); RecordNotFoundError if none. */
async function findParticipation(
  tx: TransactionClient,
  editionId: number,
  editionKey: string,
  companyKey: string,
) {
  const row = await tx.companyParticipation.findFirst({
    where: { editionId, company: { key: companyKey } },
    include: participationInclude,
  });
  if (!row)
    throw new RecordNotFoundError(
      'CompanyParticipation',
      `${editionKey}/${companyKey}`,
      `company ${companyKey} does not take part in ${editionKey}`,
    );
  return row;
}

function stored(row: {
  company: { key: string };
  industry: { key: string };
  channels: string[];
  version: number;
}): StoredParticipation {
  return {
    companyKey: row.company.key,
    industryKey: row.industry.key,
    channels: row.channels,
    version: row.version,
  };
}

/**
 * Enrols companies in an open (draft or published) edition, validating every entry first: each company must
 * exist and not take part yet, the industry (default: the company's current one) must exist, the channels must
 * be the edition's. Throws DomainValidationError listing every problem; nothing is stored then. One change is
 * recorded per company, in the same transaction.
 */
export async function enrolCompanies(
  db: Db,
  editionKey: string,
  participants: readonly ParticipationRecord[],
  recordChange: RecordChange = recordNothing,
): Promise<StoredParticipation[]> {
  return withDatabaseErrors(() =>
    db.prisma.$transaction(async (tx) => {
      const edition = await findOpenEdition(tx, editionKey);
      const companyKeys = participants.map((p) => p.companyKey);
      const industryKeys = participants.flatMap((p) => (p.industryKey ? [p.industryKey] : []));
      const [companies, industries, enrolled] = await Promise.all([
        tx.company.findMany({
          where: { key: { in: companyKeys } },
          select: { id: true, key: true, industryId: true },
        }),
        tx.industry.findMany({ where: { key: { in: industryKeys } }, select: { id: true, key: true } }),
        tx.companyParticipation.findMany({
          where: { editionId: edition.id, company: { key: { in: companyKeys } } },
          select: { company: { select: { key: true } } },
        }),
      ]);
      const company = new Map(companies.map((c) => [c.key, c]));
      const industryId = new Map(industries.map((i) => [i.key, i.id]));
      const alreadyIn = new Set(enrolled.map((e) => e.company.key));
      const issues: ValidationIssue[] = [];
      if (participants.length === 0)
        issues.push({ path: 'participants', message: 'name at least one company' });
      participants.forEach((p, i) => {
        const path = `participants[${i}]`;
        if (!company.has(p.companyKey))
          issues.push({ path: `${path}.companyKey`, message: `company "${p.companyKey}" does not exist` });
        else if (alreadyIn.has(p.companyKey))
          issues.push({
            path: `${path}.companyKey`,
            message: `company "${p.companyKey}" already takes part in ${editionKey}`,
          });
        else if (companyKeys.indexOf(p.companyKey) !== i)
          issues.push({ path: `${path}.companyKey`, message: `company "${p.companyKey}" is named twice` });
        if (p.industryKey && !industryId.has(p.industryKey))
          issues.push({ path: `${path}.industryKey`, message: `industry "${p.industryKey}" does not exist` });
        issues.push(...channelIssues(p.channels, edition.channelKeys, `${path}.channels`));
      });
      if (issues.length > 0) throw new DomainValidationError(`Participants of ${editionKey}`, issues);
      const rows = await tx.companyParticipation.createManyAndReturn({
        data: participants.map((p) => participationRow(edition.id, p, company, industryId)),
        include: participationInclude,
      });
      const added = rows.map(stored);
      for (const participation of added) {
        await recordChange(tx, {
          action: 'participation.add',
          ...participationEntity(editionKey, participation.companyKey, edition.id),
          after: participation,
        });
      }
      return added;
    }),
  );
}

export interface ParticipationChange {
  /** The channels measured from now on. */
  channels?: string[];
  /** The industry the company competes in this edition (only while it has no evaluations). */
  industryKey?: string;
}

/**
 * Changes a participation's channels or industry, based on `expectedVersion` (VersionMismatchError otherwise).
 * A channel that already has evaluations cannot be dropped, and the industry is fixed once evaluations exist
 * (they record the industry they were made in): DomainValidationError then.
 */
export async function updateParticipation(
  db: Db,
  editionKey: string,
  companyKey: string,
  expectedVersion: number,
  change: ParticipationChange,
  recordChange: RecordChange = recordNothing,
): Promise<StoredParticipation> {
  return withDatabaseErrors(() =>
    db.prisma.$transaction(async (tx) => {
      const edition = await findOpenEdition(tx, editionKey);
      const current = await findParticipation(tx, edition.id, editionKey, companyKey);
      const before = stored(current);
      const entity = `The participation of ${companyKey} in ${editionKey}`;
      if (current.version !== expectedVersion)
        throw new VersionMismatchError(entity, current.version, expectedVersion, before);
      const issues: ValidationIssue[] = change.channels
        ? channelIssues(change.channels, edition.channelKeys, 'channels')
        : [];
      const industry = change.industryKey
        ? await tx.industry.findUnique({ where: { key: change.industryKey }, select: { id: true } })
        : null;
      if (change.industryKey && !industry)
        issues.push({ path: 'industryKey', message: `industry "${change.industryKey}" does not exist` });
      const evaluations = await tx.evaluation.groupBy({
        by: ['channelKey'],
        where: { editionId: edition.id, companyId: current.companyId },
        _count: { _all: true },
      });
      for (const { channelKey, _count } of evaluations) {
        if (change.channels && !change.channels.includes(channelKey))
          issues.push({
            path: 'channels',
            message: `${companyKey} has ${_count._all} evaluation(s) on ${channelKey}; that channel cannot be dropped`,
          });
      }
      if (industry && industry.id !== current.industryId && evaluations.length > 0)
        issues.push({
          path: 'industryKey',
          message: `${companyKey} already has evaluations in ${editionKey}; its industry there is fixed`,
        });
      if (issues.length > 0) throw new DomainValidationError(entity, issues);
      const { count } = await tx.companyParticipation.updateMany({
        where: { editionId: edition.id, companyId: current.companyId, version: expectedVersion },
        data: {
          ...(change.channels ? { channels: change.channels } : {}),
          ...(industry ? { industryId: industry.id } : {}),
          version: { increment: 1 },
        },
      });
      const after = stored(
        await tx.companyParticipation.findUniqueOrThrow({
          where: { editionId_companyId: { editionId: edition.id, companyId: current.companyId } },
          include: participationInclude,
        }),
      );
      // Changed by another transaction between the read and the write.
      if (count === 0) throw new VersionMismatchError(entity, after.version, expectedVersion, after);
      await recordChange(tx, {
        action: 'participation.update',
        ...participationEntity(editionKey, companyKey, edition.id),
        before,
        after,
      });
      return after;
    }),
  );
}

/** Takes a company out of an edition. Refused with InUseError while it has evaluations there. */
export async function removeParticipation(
  db: Db,
  editionKey: string,
  companyKey: string,
  recordChange: RecordChange = recordNothing,
): Promise<StoredParticipation> {
  const inUse = (count: number) =>
    new InUseError(
      `${companyKey} has ${count} evaluation(s) in ${editionKey}; remove them first (results depend on them)`,
      count,
    );
  try {
    return await withDatabaseErrors(() =>
      db.prisma.$transaction(async (tx) => {
        const edition = await findOpenEdition(tx, editionKey);
        const current = await findParticipation(tx, edition.id, editionKey, companyKey);
        const evaluations = await tx.evaluation.count({
          where: { editionId: edition.id, companyId: current.companyId },
        });
        if (evaluations > 0) throw inUse(evaluations);
        await tx.companyParticipation.delete({
          where: { editionId_companyId: { editionId: edition.id, companyId: current.companyId } },
        });
        const before = stored(current);
        await recordChange(tx, {
          action: 'participation.remove',
          ...participationEntity(editionKey, companyKey, edition.id),
          before,
        });
        return before;
      }),
    );
  } catch (error) {
    // An evaluation submitted between the count and the delete: the foreign key refuses; same answer.
    if (error instanceof ConstraintViolationError && error.kind === 'foreignKey') throw inUse(1);
    throw error;
  }
}

/** Copies every participation (company, industry, channels) of one edition into another, inside `tx`. */
export async function copyParticipations(tx: TransactionClient, fromEditionId: number, toEditionId: number) {
  const rows = await tx.companyParticipation.findMany({
    where: { editionId: fromEditionId },
    select: { companyId: true, industryId: true, channels: true },
  });
  if (rows.length === 0) return 0;
  const { count } = await tx.companyParticipation.createMany({
    data: rows.map((r) => ({ ...r, editionId: toEditionId })),
  });
  return count;
}
