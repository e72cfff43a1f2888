import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import { trendPointFromApi } from '../adapters/companyFromApi';
import type { TrendPoint } from '../features/company/types';
import { CompanyTrendPointQuery } from './company';

/** The company's totals in every given edition, oldest first (one query per edition, in parallel). */
export function useCompanyTrend(companyKey: string, editionKeys: readonly string[]): TrendPoint[] | null {
  const client = useClient();
  const [trend, setTrend] = useState<TrendPoint[] | null>(null);
  const keys = editionKeys.join(',');
  useEffect(() => {
    let live = true;
    const list = keys ? keys.split(',') : [];
    Promise.all(
      list.map(async (editionKey) => {
        const result = await client.query(CompanyTrendPointQuery, { editionKey, companyKey }).toPromise();
        return result.data ? trendPointFromApi(editionKey, result.data) : null;
      }),
    ).then((points) => {
      if (live) setTrend(points.filter((p): p is TrendPoint => p !== null).sort((a, b) => a.year - b.year));
    });
    return () => {
      live = false;
    };
  }, [client, companyKey, keys]);
  return trend;
}
