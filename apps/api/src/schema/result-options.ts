// biome-ignore lint/suspicious/noExplicitAny: error classes take any constructor arguments
type ErrorClass = new (...args: any[]) => Error;

/**
 * The errors-plugin options for a field returning `success | typed errors`, with the generated union and
 * success types documented (every type in the schema has a description).
 */
export function resultOf<const Types extends ErrorClass[]>(fieldName: string, types: Types) {
  return {
    types,
    union: {
      description: `The outcome of \`${fieldName}\`: its result, or one of the typed errors it can return.`,
    },
    result: { description: `\`${fieldName}\` succeeded.` },
    dataField: { description: `What \`${fieldName}\` returned.` },
  };
}

/** Like resultOf, but the returned object type itself is the union member (no `{ data }` wrapper). */
export function directResultOf<const Types extends ErrorClass[]>(fieldName: string, types: Types) {
  return { ...resultOf(fieldName, types), directResult: true as const };
}

/**
 * The query a `prismaField` with `resultOf` errors hands to Prisma. The Prisma plugin plans it from what the
 * document selects under the success type's `data`; a document that does not select `data` (only `__typename`,
 * or only error fields) gets `{ select: {} }`, which Prisma refuses ("must not be empty"), so the mutation failed
 * as INTERNAL_SERVER_ERROR and was rolled back. Nothing of the rows is needed then: the empty `select` is
 * dropped and Prisma reads its default columns. Every other query is passed on as planned.
 */
export function wrappedResultQuery<Query extends { select?: object }>(query: Query): Query {
  const { select, ...rest } = query;
  return select && Object.keys(select).length === 0 ? (rest as Query) : query;
}
