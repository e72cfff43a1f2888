import { defineConfig } from 'prisma/config';

// Used by the Prisma CLI (`generate`, and `migrate deploy` where the native engine exists).
// The project's own migration commands (scripts/migrate.ts) read the same folders.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/ksp' },
});
