import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * How many times the operation selects `login` at its root, through aliases, fragments and inline fragments
 * alike (directives such as @skip are not evaluated: each occurrence counts). A static property of the
 * document, so every one of them refuses before the first password is checked.
 */
export function loginFieldCount(info: Pick<GraphQLResolveInfo, 'operation' | 'fragments'>): number {
  const seen = new Set<string>();
  const count = (selectionSet: SelectionSetNode): number =>
    selectionSet.selections.reduce((total, selection) => {
      if (selection.kind === Kind.FIELD) return total + (selection.name.value === 'login' ? 1 : 0);
      if (selection.kind === Kind.INLINE_FRAGMENT) return total + count(selection.selectionSet);
      const name = selection.name.value;
      const fragment = info.fragments[name];
      // Validation refuses fragment cycles; the guard only keeps this function safe on its own.
      if (!fragment || seen.has(name)) return total;
      seen.add(name);
      const inner = count(fragment.selectionSet);
      seen.delete(name);
      return total + inner;
    }, 0);
  return count(info.operation.selectionSet);
}
