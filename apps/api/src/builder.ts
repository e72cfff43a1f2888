import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import { scopesFor } from './auth/viewer';
import type { AuthScopes, Context } from './context';
import { ForbiddenError } from './errors';

export interface PothosTypes {
  Context: Context;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    Duration: { Input: string; Output: string };
    EmailAddress: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
    NonNegativeFloat: { Input: number; Output: number };
  };
}

// Plugin order per the Pothos docs: scope-auth first, errors before prisma, then relay, complexity, validation.
export const builder = new SchemaBuilder<PothosTypes>({
  plugins: [ScopeAuthPlugin, ErrorsPlugin, RelayPlugin, ComplexityPlugin, ValidationPlugin],
  // Fields are non-null unless marked nullable: clients get precise types, and a missing value is a bug.
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (context) => scopesFor(context.viewer),
    // Our own class, so mutations can return it as a typed result and queries get extensions.code FORBIDDEN.
    unauthorizedError: (_parent, context) =>
      new ForbiddenError(context.viewer ? 'Your role does not allow this.' : 'Sign in to do this.'),
  },
  // Every field that declares `errors` can answer ForbiddenError (role checks inside resolvers).
  errors: { defaultTypes: [ForbiddenError] },
  relay: { clientMutationId: 'omit', cursorType: 'String' },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    limit: (context) => context.config.limits,
  },
});
