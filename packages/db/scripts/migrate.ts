// The project's migration commands (Prisma's CLI cannot download its native engine here; see docs/database.md).
//   migrate.ts create NAME [--empty]   new migration from the schema change (needs --experimental-wasm-modules)
//   migrate.ts deploy                  apply pending migrations
//   migrate.ts status                  applied / pending / edited
//   migrate.ts reset                   drop everything, re-apply all migrations
import { createDatabase } from '../src/database/create-database';
import { migrateToLatest } from '../src/migrations/migrate-to-latest';
import { describeStatus, migrationStatus } from '../src/migrations/migration-status';
import { resetDatabase } from '../src/migrations/reset-database';

const [command, ...args] = process.argv.slice(2);

async function withDatabase(
  work: (db: Awaited<ReturnType<typeof createDatabase>>) => Promise<number>,
): Promise<number> {
  const db = await createDatabase();
  try {
    console.log(`database: ${db.kind}${db.kind === 'postgres' ? ` (schema ${db.schema})` : ''}`);
    return await work(db);
  } finally {
    await db.close();
  }
}

async function main(): Promise<number> {
  switch (command) {
    case 'create': {
      const name = args.find((a) => !a.startsWith('--'));
      if (!name) {
        console.error('usage: migrate:create NAME [--empty]');
        return 2;
      }
      const { createMigration } = await import('../src/migrations/create-migration');
      const folder = await createMigration(name, { empty: args.includes('--empty') });
      console.log(
        folder
          ? `created ${folder}`
          : 'The schema matches the migrations: nothing to create (use --empty for a hand-written migration).',
      );
      return 0;
    }
    case 'deploy':
      return withDatabase(async (db) => {
        const applied = await migrateToLatest(db);
        console.log(
          applied.length ? applied.map((n) => `applied ${n}`).join('\n') : 'No pending migrations.',
        );
        return 0;
      });
    case 'status':
      return withDatabase(async (db) => {
        const status = await migrationStatus(db);
        for (const line of describeStatus(status)) console.log(line);
        return status.upToDate ? 0 : 1;
      });
    case 'reset':
      return withDatabase(async (db) => {
        await resetDatabase(db);
        const applied = await migrateToLatest(db);
        console.log(`reset; applied ${applied.length} migration(s)`);
        return 0;
      });
    default:
      console.error('usage: migrate.ts create NAME [--empty] | deploy | status | reset');
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
