import type PrismaTypes from '@ksp/db/pothos-types';
import { getDatamodel } from '@ksp/db/pothos-types';
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import { scopesFor } from './auth/viewer';
import type { AuthScopes, Context } from './context';
import { ForbiddenError } from './errors';
import { resolveNodeOrNull, resolveNodesOrNull } from './node-ids';

export interface PothosTypes {
  Context: Context;
  PrismaTypes: PrismaTypes;
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

// Plugin order: errors before prisma (Pothos docs), and errors before scope-auth too, so a failed auth check on a
// field that declares `errors` becomes a ForbiddenError result (with scope-auth first it escapes as a GraphQL error).
export const builder = new SchemaBuilder<PothosTypes>({
  plugins: [ErrorsPlugin, ScopeAuthPlugin, PrismaPlugin, RelayPlugin, ComplexityPlugin, ValidationPlugin],
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
  prisma: {
    // Each server (and each test) has its own database, so the client comes from the request's services.
    client: (context) => context.services.db.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    maxConnectionSize: 100,
    // A resolver that forgets to spread `query` would silently cause extra queries: fail loudly outside production.
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'error',
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Descriptions for everything the relay plugin generates: the schema test requires one everywhere.
    idFieldOptions: { description: 'Global id (opaque), usable with `node(id:)`.' },
    nodeTypeOptions: { description: 'An object with a global id.' },
    pageInfoTypeOptions: { description: 'Where a page sits in the whole list.' },
    nodeQueryOptions: {
      description: 'Any object by its global id; null if it does not exist or is hidden from you.',
      args: { id: { description: 'The global id.' } },
      resolve: (_root, args, _context, _info, resolveNode) => resolveNodeOrNull(args.id, resolveNode),
    },
    nodesQueryOptions: {
      description:
        'Objects by their global ids, in the same order; null for each that does not exist or is hidden from you.',
      args: { ids: { description: 'The global ids.' } },
      resolve: (_root, args, _context, _info, resolveNodes) => resolveNodesOrNull(args, resolveNodes),
    },
    cursorFieldOptions: { description: 'Pass as `after`/`before` to continue from this item.' },
    nodeFieldOptions: { description: 'The item.' },
    edgesFieldOptions: { description: 'The items of this page with their cursors.' },
    pageInfoFieldOptions: { description: 'Whether there are more pages, and the cursors to get them.' },
    hasNextPageFieldOptions: { description: 'Whether items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'Whether items precede this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first item.' },
    endCursorFieldOptions: { description: 'Cursor of the last item.' },
    firstArgOptions: { description: 'Page size counting from the start (or from `after`); at most 100.' },
    lastArgOptions: { description: 'Page size counting from the end (or from `before`); at most 100.' },
    afterArgOptions: { description: 'Start after the item with this cursor.' },
    beforeArgOptions: { description: 'End before the item with this cursor.' },
  },
  // The plugin annotates every field with its cost (lists ×10 unless a field says otherwise); the limits are
  // checked before execution by graphql-limits.ts (HTTP 400), not per root field during it as the plugin would.
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    disabled: true,
  },
});
