import {
  type AwardRules,
  awardRulesSchema,
  DomainValidationError,
  editionSchema,
  issuesFromZod,
} from '@ksp/domain';
import type { Database } from '../database/create-database';
import { EditionReadOnlyError, NotFoundError } from '../errors/database-errors';
import { withDatabaseErrors } from '../errors/translate-database-error';
import type { Prisma } from '../generated/prisma/client';
import type { TransactionClient } from '../repositories/transaction-client';
import { VersionMismatchError } from './version-mismatch-error';

type Db = Pick<Database, 'prisma'>;

/** An edition's award rules (eligibility, ties, categories) as the domain reads them. */
export async function loadAwardRules(
  db: Db,
  editionKey: string,
): Promise<{ rules: AwardRules; version: number; status: string }> {
  const row = await db.prisma.edition.findUnique({
    where: { key: editionKey },
    select: { awards: true, version: true, status: true },
  });
  if (!row) throw new NotFoundError(`edition ${editionKey} does not exist`);
  return { rules: editionSchema.shape.awards.parse(row.awards), version: row.version, status: row.status };
}

/**
 * Replaces a draft edition's award rules after the domain's schema accepted them (every problem listed, paths
 * under `awards`). Published and closed editions keep theirs (EditionReadOnlyError). `version` is the edition's
 * version the change is based on; `onChanged` (e.g. the audit entry) runs in the same transaction.
 */
export async function saveAwardRules(
  db: Db,
  editionKey: string,
  input: unknown,
  version: number,
  onChanged?: (
    tx: TransactionClient,
    change: { editionId: number; before: AwardRules; after: AwardRules; version: number },
  ) => Promise<void>,
): Promise<{ rules: AwardRules; version: number }> {
  const parsed = awardRulesSchema.safeParse(input);
  if (!parsed.success)
    throw new DomainValidationError(
      'Award rules',
      issuesFromZod(parsed.error).map((i) => ({ ...i, path: i.path ? `awards.${i.path}` : 'awards' })),
    );
  return withDatabaseErrors(() =>
    db.prisma.$transaction(async (tx) => {
      const edition = await tx.edition.findUnique({
        where: { key: editionKey },
        select: { id: true, status: true, version: true, awards: true },
      });
      if (!edition) throw new NotFoundError(`edition ${editionKey} does not exist`);
      if (edition.status !== 'draft')
        throw new EditionReadOnlyError(
          `edition ${editionKey} is ${edition.status}: its award rules are read-only`,
        );
      if (edition.version !== version)
        throw new VersionMismatchError(`edition ${editionKey}`, edition.version, version, edition.awards);
      // Conditional on the version read: a concurrent change that committed since then makes this one lose.
      const { count } = await tx.edition.updateMany({
        where: { id: edition.id, version },
        data: { awards: parsed.data as Prisma.InputJsonValue, version: { increment: 1 } },
      });
      const updated = await tx.edition.findUniqueOrThrow({
        where: { id: edition.id },
        select: { version: true, awards: true },
      });
      if (count !== 1)
        throw new VersionMismatchError(`edition ${editionKey}`, updated.version, version, updated.awards);
      await onChanged?.(tx, {
        editionId: edition.id,
        before: edition.awards as AwardRules,
        after: parsed.data,
        version: updated.version,
      });
      return { rules: parsed.data, version: updated.version };
    }),
  );
}
