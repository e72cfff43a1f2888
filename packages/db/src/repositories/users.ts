import type { Database } from '../database/create-database';
import { withDatabaseErrors } from '../errors/translate-database-error';
import type { UserRole } from '../generated/prisma/enums';

type Db = Pick<Database, 'prisma'>;

export interface NewUser {
  email: string;
  name: string;
  role: UserRole;
  /** An argon2 hash; the data layer never sees passwords. */
  passwordHash: string;
}

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  createdAt: Date;
  disabledAt: Date | null;
}

const publicFields = {
  id: true,
  email: true,
  name: true,
  role: true,
  createdAt: true,
  disabledAt: true,
} as const;

/** E-mail addresses are compared and stored lower-case. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** Adds users whose e-mail is new; existing users (and their passwords) are left as they are. Returns how many were added. */
export async function addUsers(db: Db, users: readonly NewUser[]): Promise<number> {
  const { count } = await withDatabaseErrors(() =>
    db.prisma.user.createMany({
      data: users.map((u) => ({ ...u, email: normalizeEmail(u.email) })),
      skipDuplicates: true,
    }),
  );
  return count;
}

export async function findUserByEmail(
  db: Db,
  email: string,
): Promise<(UserRecord & { passwordHash: string }) | null> {
  return db.prisma.user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { ...publicFields, passwordHash: true },
  });
}

export async function listUsers(db: Db, role?: UserRole): Promise<UserRecord[]> {
  return db.prisma.user.findMany({
    where: role ? { role } : {},
    select: publicFields,
    orderBy: { email: 'asc' },
  });
}
