import { z } from 'zod';
import { builder } from '../builder';
import { InvalidCredentialsError, ValidationError } from '../errors';
import type { NewSession } from '../services';
import { loginFieldCount } from './login-field-count';
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
    deviceToken: t.exposeString('deviceToken', {
      description:
        'Keep it on this device (it survives sign-out) and send it with later logins: the right password from a known device works even while the account is in back-off after failed attempts by others. It authenticates nothing by itself.',
    }),
    viewer: t.field({ type: ViewerType, description: 'Who signed in.', resolve: (s) => s.viewer }),
  }),
});

builder.mutationField('login', (t) =>
  t.field({
    type: SessionType,
    description:
      'Signs in with e-mail and password and returns a session token. Open to everyone. One login per request (a document with more is refused before any password is checked); failed attempts are limited per account (back-off) and per address, except from a known device (docs/api.md).',
    errors: directResultOf('login', [InvalidCredentialsError, ValidationError]),
    args: {
      email: t.arg({ type: 'EmailAddress', required: true, description: 'The account’s e-mail address.' }),
      password: t.arg.string({
        required: true,
        description: 'The account’s password.',
        validate: z.string().min(1).max(1024),
      }),
      deviceToken: t.arg.string({
        description: 'The `deviceToken` of an earlier successful login on this device, if any.',
        validate: z.string().max(200),
      }),
    },
    resolve: async (_root, { email, password, deviceToken }, context, info) => {
      // Each login costs an argon2 verification: aliases must not multiply it.
      if (loginFieldCount(info) > 1)
        throw new ValidationError(
          [{ path: 'login', message: 'send one login per request' }],
          'Only one login per request: the document asks for several.',
        );
      const session = await context.services.login(email, password, context.clientIp, deviceToken);
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
