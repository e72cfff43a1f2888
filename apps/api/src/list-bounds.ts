import type { ApolloServerPlugin } from '@apollo/server';
import {
  type GraphQLArgument,
  GraphQLError,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  TypeInfo,
  valueFromAST,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { Context } from './context';
import { httpHead } from './http/service-errors';

/**
 * Every list a client can send is bounded: one request must not make the server do unbounded work
 * (`nodes(ids:)` with 20,000 ids held the event loop for 8.8 s). The bound is 100 items unless an argument or
 * input field says otherwise with `extensions: { maxItems: N }`. It is written into the field's description
 * (so schema.graphql and GraphiQL show it) and checked before execution, refused with HTTP 400.
 */
export const DEFAULT_MAX_ITEMS = 100;

type Input = GraphQLArgument | GraphQLInputField;

const unwrap = (type: GraphQLInputType) => (isNonNullType(type) ? type.ofType : type);
const maxItemsOf = (input: Input): number => {
  const declared = (input.extensions as { maxItems?: unknown } | undefined)?.maxItems;
  return typeof declared === 'number' ? declared : DEFAULT_MAX_ITEMS;
};

/** Appends "At most N items." to the description of every list argument and list input field. */
export function documentListBounds(schema: GraphQLSchema): GraphQLSchema {
  const document = (input: Input) => {
    if (!isListType(unwrap(input.type))) return;
    const bound = `At most ${maxItemsOf(input)} items.`;
    input.description = input.description ? `${input.description} ${bound}` : bound;
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type)) for (const field of Object.values(type.getFields())) field.args.forEach(document);
    if (isInputObjectType(type)) Object.values(type.getFields()).forEach(document);
  }
  return schema;
}

/** The first list in `value` (an input of `type`) longer than its bound, as "where: length > max". */
function overLongList(value: unknown, input: Input, type: GraphQLInputType, where: string): string | null {
  const inner = unwrap(type);
  if (value === null || value === undefined) return null;
  if (isListType(inner)) {
    if (!Array.isArray(value)) return overLongList(value, input, inner.ofType, where);
    const max = maxItemsOf(input);
    if (value.length > max) return `${where} has ${value.length} items; at most ${max} are allowed.`;
    for (const [index, item] of value.entries()) {
      const found = overLongList(item, input, inner.ofType, `${where}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  const named = getNamedType(inner);
  if (!isInputObjectType(named) || typeof value !== 'object') return null;
  for (const field of Object.values(named.getFields())) {
    const found = overLongList(
      (value as Record<string, unknown>)[field.name],
      field,
      field.type,
      `${where}.${field.name}`,
    );
    if (found) return found;
  }
  return null;
}

/** Refuses an operation whose arguments (literal or from variables) hold a list over its bound. */
export function listBounds(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, schema }) {
          // The whole document, so arguments inside fragments count too.
          const typeInfo = new TypeInfo(schema);
          let problem: string | null = null;
          visit(
            document,
            visitWithTypeInfo(typeInfo, {
              Argument(node) {
                const argument = typeInfo.getArgument();
                if (problem || !argument) return;
                const value = valueFromAST(node.value, argument.type, request.variables ?? {});
                problem = overLongList(value, argument, argument.type, node.name.value);
              },
            }),
          );
          if (problem)
            throw new GraphQLError(problem, {
              extensions: { code: 'BAD_USER_INPUT', http: httpHead(400) },
            });
        },
      };
    },
  };
}
