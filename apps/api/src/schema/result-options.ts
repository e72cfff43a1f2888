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
