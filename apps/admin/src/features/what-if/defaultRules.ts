/** An edition as the pickers know it. */
export interface PickableEdition {
  key: string;
  status: string;
  derivedFrom?: { key: string } | null;
}

/**
 * The pair the what-if screen starts with: the route's edition (else the newest non-draft edition that a later
 * one derives from, e.g. KSP23), re-scored under its successor's rules (e.g. KSP24), else under the newest other.
 */
export function defaultWhatIfPair(
  editions: readonly PickableEdition[],
  routeKey: string | undefined,
  rulesKey: string | undefined,
): { editionKey: string; rulesKey: string } {
  const successorOf = (key: string) => editions.find((e) => e.derivedFrom?.key === key)?.key;
  const editionKey =
    routeKey ??
    editions.find((e) => e.status !== 'draft' && successorOf(e.key))?.key ??
    editions[0]?.key ??
    '';
  const rules = rulesKey ?? successorOf(editionKey) ?? editions.find((e) => e.key !== editionKey)?.key ?? '';
  return { editionKey, rulesKey: rules };
}
