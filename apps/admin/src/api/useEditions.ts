import { useQuery } from 'urql';
import type { EditionsQuery as EditionsResult } from '../generated/gql/graphql';
import { EditionsQuery } from './editions';

export type EditionRow = EditionsResult['editions'][number];

/**
 * The editions (newest first) and the one a screen shows: the route's, else the first that `prefer` accepts,
 * else the newest.
 */
export function useEditions(
  routeKey: string | undefined,
  prefer: (edition: EditionRow) => boolean = () => true,
) {
  const [{ data, fetching, error }] = useQuery({ query: EditionsQuery, requestPolicy: 'cache-and-network' });
  const editions = data?.editions ?? [];
  const chosen = routeKey ? editions.find((e) => e.key === routeKey) : (editions.find(prefer) ?? editions[0]);
  return { editions, chosen, fetching: fetching && !data, error: data ? undefined : error };
}
