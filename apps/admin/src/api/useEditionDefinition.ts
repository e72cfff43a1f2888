import { useCallback, useEffect, useState } from 'react';
import { useClient } from 'urql';
import type { ApiEdition } from '../adapters/editionFromApi';
import { EditionDefinitionQuery } from './definition';

/**
 * An edition's definition, loaded only when asked (on mount, key change or `load()`), so a background refetch
 * never replaces what the editor is working on.
 */
export function useEditionDefinition(key: string | undefined) {
  const client = useClient();
  const [state, setState] = useState<{ edition: ApiEdition | null; error: string | null; loading: boolean }>({
    edition: null,
    error: null,
    loading: true,
  });

  const fetchFresh = useCallback(async (): Promise<ApiEdition | null> => {
    if (!key) return null;
    const result = await client
      .query(EditionDefinitionQuery, { key }, { requestPolicy: 'network-only' })
      .toPromise();
    if (result.error) throw new Error(result.error.message);
    return result.data?.edition ?? null;
  }, [client, key]);

  const load = useCallback(async () => {
    try {
      const edition = await fetchFresh();
      setState({ edition, error: null, loading: false });
      return edition;
    } catch (error) {
      setState({ edition: null, error: (error as Error).message, loading: false });
      return null;
    }
  }, [fetchFresh]);

  useEffect(() => {
    setState((s) => ({ ...s, loading: true }));
    void load();
  }, [load]);

  return {
    ...state,
    load,
    fetchFresh,
    replace: (edition: ApiEdition) => setState({ edition, error: null, loading: false }),
  };
}
