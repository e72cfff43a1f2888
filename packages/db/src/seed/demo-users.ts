import { hash } from '@node-rs/argon2';
import type { Database } from '../database/create-database';
import { addUsers, type NewUser } from '../repositories/users';

/** The demo users' password (documented in docs/database.md). Never use the demo users outside a demo. */
export const DEMO_PASSWORD = 'demo-password';

/** Observers the demo evaluations are spread over: observer@example.org, observer2@… to observer6@…. */
export const DEMO_OBSERVER_EMAILS = [
  'observer@example.org',
  ...[2, 3, 4, 5, 6].map((n) => `observer${n}@example.org`),
];

const DEMO_USERS: Omit<NewUser, 'passwordHash'>[] = [
  { email: 'admin@example.org', name: 'Demo Admin', role: 'admin' },
  { email: 'analyst@example.org', name: 'Demo Analytiker', role: 'analyst' },
  ...DEMO_OBSERVER_EMAILS.map((email, i) => ({
    email,
    name: `Demo Observatør ${i + 1}`,
    role: 'observer' as const,
  })),
];

/**
 * The domain's demo evaluations name 98 observers (`observer-01` … `observer-98`); the seed spreads them
 * over the demo observer users by number.
 */
export function demoObserverEmail(observerKey: string | null): string | null {
  if (observerKey === null) return null;
  const n = Number(/(\d+)$/.exec(observerKey)?.[1] ?? 0);
  return DEMO_OBSERVER_EMAILS[n % DEMO_OBSERVER_EMAILS.length] as string;
}

/** Adds the demo users that are missing (hashing only their passwords: argon2 is slow on purpose). */
export async function seedDemoUsers(db: Pick<Database, 'prisma'>): Promise<number> {
  const existing = new Set(
    (
      await db.prisma.user.findMany({
        where: { email: { in: DEMO_USERS.map((u) => u.email) } },
        select: { email: true },
      })
    ).map((u) => u.email),
  );
  const missing = DEMO_USERS.filter((u) => !existing.has(u.email));
  const users = await Promise.all(
    missing.map(async (u) => ({ ...u, passwordHash: await hash(DEMO_PASSWORD) })),
  );
  return addUsers(db, users);
}
