// Fills the database (DATABASE_URL, else embedded PGlite) with the demo data; safe to run again.
import { createDatabase } from '../src/database/create-database';
import { migrateToLatest } from '../src/migrations/migrate-to-latest';
import { seedDemo } from '../src/seed/seed-demo';

const started = performance.now();
const db = await createDatabase();
try {
  await migrateToLatest(db);
  const report = await seedDemo(db);
  console.log(
    `seeded ${db.kind}: added`,
    report,
    `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
} finally {
  await db.close();
}
