import { createApiToken, revokeApiToken, revokeUserApiTokens, revokeUserSessions } from '@ksp/db';
import { audit } from '../audit';
import { hashPassword } from '../auth/password';
import { hashToken, newToken } from '../auth/token';
import { ROLES } from '../auth/viewer';
import { builder } from '../builder';
import { ConflictError, NotFoundError, ValidationError, withApiErrors } from '../errors';
import { isUuid } from '../node-ids';
import { directResultOf, resultOf } from './result-options';
import { RoleEnum } from './role';

type NewApiToken = { token: string; id: string; name: string; expiresAt: Date | null };

const NewApiTokenType = builder.objectRef<NewApiToken>('NewApiToken').implement({
  description: 'A freshly created API token. The token is shown only here; the server keeps its hash.',
  fields: (t) => ({
    id: t.exposeString('id', { description: 'The token’s id, for `revokeApiToken`.' }),
    name: t.exposeString('name', { description: 'What it is for.' }),
    token: t.exposeString('token', { description: 'The bearer token.' }),
    expiresAt: t.expose('expiresAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it stops working; null for never.',
    }),
  }),
});

// Ids are UUIDs in the database: anything else cannot exist, and must not reach a uuid column (a server error).
const userIdOrNotFound = (userId: string) => {
  if (!isUuid(userId)) throw new NotFoundError('User', userId);
  return userId;
};

const publicUser = { id: true, email: true, name: true, role: true, disabledAt: true } as const;

builder.mutationFields((t) => ({
  createUser: t.prismaField({
    type: 'User',
    description: 'Adds a user with a role and an initial password. Admins.',
    authScopes: { admin: true },
    errors: directResultOf('createUser', [ConflictError, ValidationError]),
    args: {
      email: t.arg({
        type: 'EmailAddress',
        required: true,
        description: 'E-mail address (stored lower-case).',
      }),
      name: t.arg.string({ required: true, description: 'Display name.' }),
      role: t.arg({ type: RoleEnum, required: true, description: 'The role.' }),
      password: t.arg.string({ required: true, description: 'Initial password, 12 characters or more.' }),
    },
    resolve: async (query, _root, args, context) => {
      const problems = [
        ...(args.password.length < 12
          ? [{ path: 'password', message: 'must be 12 characters or more' }]
          : []),
        ...(args.name.trim() === '' ? [{ path: 'name', message: 'must not be empty' }] : []),
      ];
      if (problems.length > 0) throw new ValidationError(problems);
      const passwordHash = await hashPassword(args.password);
      const { prisma } = context.services.db;
      return withApiErrors(() =>
        prisma.$transaction(async (tx) => {
          const email = args.email.toLowerCase();
          if (await tx.user.findUnique({ where: { email }, select: { id: true } }))
            throw new ConflictError(`A user with ${email} already exists.`);
          const user = await tx.user.create({
            ...query,
            data: { email, name: args.name.trim(), role: args.role, passwordHash },
          });
          await audit(tx, context, {
            action: 'user.create',
            entityType: 'User',
            entityId: user.id,
            after: { email, name: args.name, role: args.role },
          });
          return user;
        }),
      );
    },
  }),
  setUserRole: t.prismaField({
    type: 'User',
    description: 'Changes a user’s role. Admins; an admin cannot demote themselves.',
    authScopes: { admin: true },
    errors: directResultOf('setUserRole', [NotFoundError, ValidationError]),
    args: {
      userId: t.arg.string({ required: true, description: 'The user id.' }),
      role: t.arg({ type: RoleEnum, required: true, description: 'The new role.' }),
    },
    resolve: (query, _root, args, context) =>
      withApiErrors(() =>
        context.services.db.prisma.$transaction(async (tx) => {
          if (args.userId === context.viewer?.userId && args.role !== ROLES[0]) {
            throw new ValidationError([{ path: 'role', message: 'you cannot remove your own admin role' }]);
          }
          const before = await tx.user.findUnique({
            where: { id: userIdOrNotFound(args.userId) },
            select: publicUser,
          });
          if (!before) throw new NotFoundError('User', args.userId);
          const user = await tx.user.update({
            ...query,
            where: { id: userIdOrNotFound(args.userId) },
            data: { role: args.role },
          });
          await audit(tx, context, {
            action: 'user.role',
            entityType: 'User',
            entityId: user.id,
            before: { role: before.role },
            after: { role: args.role },
          });
          return user;
        }),
      ),
  }),
  disableUser: t.prismaField({
    type: 'User',
    description: 'Disables a user: sign-in stops and their sessions and API tokens are revoked. Admins.',
    authScopes: { admin: true },
    errors: directResultOf('disableUser', [NotFoundError, ValidationError]),
    args: { userId: t.arg.string({ required: true, description: 'The user id.' }) },
    resolve: (query, _root, args, context) =>
      withApiErrors(() =>
        context.services.db.prisma.$transaction(async (tx) => {
          if (args.userId === context.viewer?.userId)
            throw new ValidationError([{ path: 'userId', message: 'you cannot disable yourself' }]);
          const before = await tx.user.findUnique({
            where: { id: userIdOrNotFound(args.userId) },
            select: publicUser,
          });
          if (!before) throw new NotFoundError('User', args.userId);
          const now = new Date();
          await revokeUserSessions({ prisma: tx }, args.userId, now);
          await revokeUserApiTokens({ prisma: tx }, args.userId, now);
          const user = await tx.user.update({
            ...query,
            where: { id: userIdOrNotFound(args.userId) },
            data: { disabledAt: before.disabledAt ?? now },
          });
          await audit(tx, context, {
            action: 'user.disable',
            entityType: 'User',
            entityId: user.id,
            before,
            after: { disabledAt: user.disabledAt },
          });
          return user;
        }),
      ),
  }),
  createApiToken: t.field({
    type: NewApiTokenType,
    description: 'Creates an API token acting as a user (e.g. an import job). Admins.',
    authScopes: { admin: true },
    errors: directResultOf('createApiToken', [NotFoundError, ValidationError]),
    args: {
      userId: t.arg.string({ required: true, description: 'The user the token acts as.' }),
      name: t.arg.string({ required: true, description: 'What it is for.' }),
      expiresAt: t.arg({ type: 'DateTime', description: 'When it stops working; omit for never.' }),
    },
    resolve: (_root, args, context) =>
      withApiErrors(() =>
        context.services.db.prisma.$transaction(async (tx) => {
          if (args.name.trim() === '')
            throw new ValidationError([{ path: 'name', message: 'must not be empty' }]);
          if (
            !(await tx.user.findUnique({
              where: { id: userIdOrNotFound(args.userId) },
              select: { id: true },
            }))
          )
            throw new NotFoundError('User', args.userId);
          const token = newToken('api');
          const row = await createApiToken(
            { prisma: tx },
            {
              name: args.name.trim(),
              tokenHash: hashToken(token),
              userId: args.userId,
              expiresAt: args.expiresAt ?? null,
            },
          );
          await audit(tx, context, {
            action: 'apiToken.create',
            entityType: 'ApiToken',
            entityId: row.id,
            after: { name: row.name, userId: row.userId },
          });
          return { token, id: row.id, name: row.name, expiresAt: row.expiresAt };
        }),
      ),
  }),
  revokeApiToken: t.boolean({
    description: 'Revokes an API token. True when it was live. Admins.',
    authScopes: { admin: true },
    errors: resultOf('revokeApiToken', []),
    args: { id: t.arg.string({ required: true, description: 'The token id.' }) },
    resolve: (_root, args, context) =>
      withApiErrors(() =>
        context.services.db.prisma.$transaction(async (tx) => {
          if (!isUuid(args.id)) return false;
          const revoked = await revokeApiToken({ prisma: tx }, args.id);
          if (revoked)
            await audit(tx, context, {
              action: 'apiToken.revoke',
              entityType: 'ApiToken',
              entityId: args.id,
            });
          return revoked;
        }),
      ),
  }),
}));
