import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { complexityFromQuery } from '@pothos/plugin-complexity';
import { type DocumentNode, GraphQLError, type GraphQLSchema, Kind } from 'graphql';
import type { ApiConfig } from './config';
import type { Context } from './context';
import { httpHead } from './http/service-errors';

/**
 * The document limits, checked before anything executes, each refused with HTTP 400:
 * - graphql-armor's validation rules: aliases, directives and depth (introspection's own depth not counted);
 * - tokens: graphql-js's parser limit (`parseOptions.maxTokens` in apollo.ts), the same check armor's
 *   max-tokens plugin makes, but as a syntax error Apollo already answers with 400;
 * - breadth and cost: the Pothos complexity plugin's estimate, kept over armor's cost-limit because it knows
 *   our lists (`first`/`last` arguments and per-field multipliers) where armor's counts every object alike.
 * armor's field-suggestion masking is on in production: "Did you mean …" would list the schema's fields to
 * a caller who may not run introspection.
 */
export function graphqlLimits(config: ApiConfig): {
  plugins: ApolloServerPlugin<Context>[];
  validationRules: ReturnType<ApolloArmor['protect']>['validationRules'];
} {
  const armor = new ApolloArmor({
    maxAliases: { n: config.limits.aliases },
    maxDirectives: { n: config.limits.directives },
    maxDepth: { n: config.limits.depth, ignoreIntrospection: true },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: config.production },
  }).protect();
  return {
    plugins: [...(armor.plugins as ApolloServerPlugin<Context>[]), complexityLimit(config)],
    validationRules: armor.validationRules,
  };
}

function complexityLimit(config: ApiConfig): ApolloServerPlugin<Context> {
  const { breadth: maxBreadth, complexity: maxComplexity } = config.limits;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, contextValue, schema }) {
          if (!operation) return;
          // Only the operation that runs (with its fragments) counts, with the request's variables.
          const selected: DocumentNode = {
            kind: Kind.DOCUMENT,
            definitions: [
              operation,
              ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION),
            ],
          };
          let measured: { complexity: number; breadth: number };
          try {
            measured = complexityFromQuery(selected, {
              schema: schema as GraphQLSchema,
              ctx: contextValue,
              variables: request.variables ?? {},
            });
          } catch {
            return; // bad variables: execution refuses them with its own message
          }
          const over =
            measured.breadth > maxBreadth
              ? `Query exceeds maximum breadth (breadth: ${measured.breadth}, max: ${maxBreadth})`
              : measured.complexity > maxComplexity
                ? `Query exceeds maximum complexity (complexity: ${measured.complexity}, max: ${maxComplexity})`
                : null;
          if (over)
            throw new GraphQLError(over, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: httpHead(400) },
            });
        },
      };
    },
  };
}
