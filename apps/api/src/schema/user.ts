import { builder } from '../builder';
import { RoleEnum } from './role';

builder.prismaNode('User', {
  description: 'A person who signs in: admin, analyst or observer.',
  id: { field: 'id', description: 'Global id.' },
  // Analysts and admins see every user; others only themselves.
  authScopes: (user) => ({ $any: { analyst: true, self: user.id } }),
  fields: (t) => ({
    email: t.expose('email', { type: 'EmailAddress', description: 'E-mail address (lower-case).' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    role: t.expose('role', { type: RoleEnum, description: 'What the user may do.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the account was created.' }),
    disabledAt: t.expose('disabledAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the account was disabled; null while active.',
    }),
  }),
});

builder.queryField('users', (t) =>
  t.prismaField({
    type: ['User'],
    description: 'Every user by e-mail. Admins only.',
    authScopes: { admin: true },
    resolve: (query, _root, _args, context) =>
      context.services.db.prisma.user.findMany({ ...query, orderBy: { email: 'asc' } }),
  }),
);
