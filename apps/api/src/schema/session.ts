import { z } from 'zod';
import { builder } from '../builder';
import { InvalidCredentialsError } from '../errors';
import type { NewSession } from '../services';
import { directResultOf, resultOf } from './result-options';
import { ViewerType } from './viewer';

const SessionType = builder.objectRef<NewSession>('Session').implement({
  description: 'A signed-in session. Send `token` as `Authorization: Bearer <token>` on later requests.',
  fields: (t) => ({
    token: t.exposeString('token', {
      description: 'The bearer token. Shown only once; the server stores just its SHA-256 hash.',
    }),
    expiresAt: t.field({
      type: 'DateTime',
      description: 'When the token stops working.',
      resolve: (s) => s.expiresAt,
    }),
    viewer: t.field({ type: ViewerType, description: 'Who signed in.', resolve: (s) => s.viewer }),
  }),
});

builder.mutationField('login', (t) =>
  t.field({
    type: SessionType,
    description: 'Signs in with e-mail and password and returns a session token. Open to everyone.',
    errors: directResultOf('login', [InvalidCredentialsError]),
    args: {
      email: t.arg({ type: 'EmailAddress', required: true, description: 'The account’s e-mail address.' }),
      password: t.arg.string({
        required: true,
        description: 'The account’s password.',
        validate: z.string().min(1).max(1024),
      }),
    },
    resolve: async (_root, { email, password }, context) => {
      const session = await context.services.login(email, password, context.clientIp);
      if (!session) throw new InvalidCredentialsError();
      return session;
    },
  }),
);

builder.mutationField('logout', (t) =>
  t.boolean({
    description: 'Ends the session whose token made this request. True when a session was revoked.',
    authScopes: { authenticated: true },
    errors: resultOf('logout', []),
    resolve: async (_root, _args, context) =>
      context.token ? context.services.logout(context.token) : false,
  }),
);
