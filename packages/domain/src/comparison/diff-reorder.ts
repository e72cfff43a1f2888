/**
 * The keys that changed place relative to the others, given the keys of shared items in old and new order.
 * Items on the longest run kept in the same relative order stay put; the rest count as reordered, so
 * inserting or removing an item never marks its neighbours as reordered.
 */
export function reorderedKeys(oldOrder: readonly string[], newOrder: readonly string[]): Set<string> {
  const shared = new Set(oldOrder.filter((key) => newOrder.includes(key)));
  const oldPosition = new Map(oldOrder.filter((k) => shared.has(k)).map((key, i) => [key, i]));
  const sequence = newOrder.filter((k) => shared.has(k));
  const positions = sequence.map((key) => oldPosition.get(key) ?? 0);

  // Longest increasing subsequence of old positions, O(n²): lists here are short (tens of items).
  const length = positions.map(() => 1);
  const previous = positions.map(() => -1);
  for (let i = 0; i < positions.length; i++) {
    for (let j = 0; j < i; j++) {
      if ((positions[j] ?? 0) < (positions[i] ?? 0) && (length[j] ?? 0) + 1 > (length[i] ?? 0)) {
        length[i] = (length[j] ?? 0) + 1;
        previous[i] = j;
      }
    }
  }
  // On a tie keep the run that ends latest, so an item brought forward counts as the one that moved.
  let end = -1;
  length.forEach((l, i) => {
    if (end < 0 || l >= (length[end] ?? 0)) end = i;
  });
  const kept = new Set<string>();
  for (let i = end; i >= 0; i = previous[i] ?? -1) kept.add(sequence[i] ?? '');
  return new Set(sequence.filter((key) => !kept.has(key)));
}
