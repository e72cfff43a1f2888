import { type Database, editionResults } from '@ksp/db';
import type { EditionResults } from '@ksp/domain';

const MAX_EDITIONS = 16;

/**
 * Computed edition results kept in memory, keyed by edition and a data version read in one small query
 * (edition row version/updatedAt, count and latest change of its evaluations, participations, and the
 * versions of the participating companies, which a rename bumps: results carry company names). Any write
 * through the API also bumps `generation`, so changes that leave those untouched still invalidate.
 * Results are computed by @ksp/db + @ksp/domain; this only avoids recomputing unchanged data.
 */
export class ResultsCache {
  private readonly entries = new Map<string, { version: string; results: Promise<EditionResults> }>();
  private generation = 0;

  constructor(private readonly db: Database) {}

  invalidate(): void {
    this.generation++;
  }

  async get(editionKey: string): Promise<EditionResults> {
    const version = await this.dataVersion(editionKey);
    const hit = this.entries.get(editionKey);
    if (hit && hit.version === version) return hit.results;
    const results = editionResults(this.db, editionKey);
    this.entries.delete(editionKey);
    this.entries.set(editionKey, { version, results });
    if (this.entries.size > MAX_EDITIONS) this.entries.delete(this.entries.keys().next().value as string);
    results.catch(() => this.entries.delete(editionKey));
    return results;
  }

  private async dataVersion(editionKey: string): Promise<string> {
    const rows = await this.db.sql.query<{ v: string }>(
      `SELECT concat_ws('/', e."version", e."updatedAt",
         (SELECT count(*) || ':' || coalesce(max(v."updatedAt")::text, '') FROM "Evaluation" v WHERE v."editionId" = e."id"),
         (SELECT count(*) || ':' || coalesce(sum(p."version"), 0) || ':' || coalesce(sum(c."version"), 0)
            FROM "CompanyParticipation" p JOIN "Company" c ON c."id" = p."companyId" WHERE p."editionId" = e."id")) AS v
       FROM "Edition" e WHERE e."key" = $1`,
      [editionKey],
    );
    return `${this.generation}/${rows[0]?.v ?? 'missing'}`;
  }
}
