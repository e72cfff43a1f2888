/** The database's migration history disagrees with the migration files; nothing was applied. */
export class MigrationHistoryError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`migrations not applied: ${problems.join('; ')}`);
    this.name = 'MigrationHistoryError';
    this.problems = problems;
  }
}

/** One migration's SQL failed; its transaction was rolled back, so the database is as before it. */
export class MigrationFailedError extends Error {
  readonly migrationName: string;
  constructor(migrationName: string, cause: unknown) {
    super(`migration ${migrationName} failed and was rolled back: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'MigrationFailedError';
    this.migrationName = migrationName;
  }
}
