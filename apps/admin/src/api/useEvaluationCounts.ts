import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import { EvaluationCountQuery } from './editions';

/** Evaluations per edition key, fetched in parallel (one small query each); refetched when `refresh` changes. */
export function useEvaluationCounts(editionKeys: readonly string[], refresh: number): Map<string, number> {
  const client = useClient();
  const [counts, setCounts] = useState(new Map<string, number>());
  const keys = editionKeys.join(',');
  useEffect(() => {
    let live = true;
    const list = keys ? keys.split(',') : [];
    Promise.all(
      list.map(async (editionKey) => {
        const result = await client
          .query(EvaluationCountQuery, { editionKey }, { requestPolicy: 'network-only' })
          .toPromise();
        return [editionKey, result.data?.evaluations.totalCount ?? 0] as const;
      }),
    ).then((entries) => {
      if (live) setCounts(new Map(entries));
    });
    return () => {
      live = false;
    };
  }, [client, keys, refresh]);
  return counts;
}
