import type { Viewer } from '../auth/viewer';
import { builder } from '../builder';
import { RoleEnum } from './role';

const CredentialKindEnum = builder.enumType('CredentialKind', {
  description: 'How the current request authenticated.',
  values: {
    session: { value: 'session', description: 'A session token from `login`.' },
    apiToken: { value: 'apiToken', description: 'An API token created by an admin.' },
  } as const,
});

export const ViewerType = builder.objectRef<Viewer>('Viewer').implement({
  description: 'The signed-in user making this request.',
  fields: (t) => ({
    userId: t.exposeString('userId', { description: 'The user’s database id.' }),
    email: t.field({
      type: 'EmailAddress',
      description: 'The user’s e-mail address.',
      resolve: (v) => v.email,
    }),
    name: t.exposeString('name', { description: 'The user’s display name.' }),
    role: t.field({ type: RoleEnum, description: 'The user’s role.', resolve: (v) => v.role }),
    credentialKind: t.field({
      type: CredentialKindEnum,
      description: 'Whether a session or an API token was used.',
      resolve: (v) => v.credential.kind,
    }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: ViewerType,
    nullable: true,
    description: 'Who you are signed in as; null when the request has no valid token. Open to everyone.',
    resolve: (_root, _args, context) => context.viewer,
  }),
);
