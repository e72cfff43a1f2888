import autocannon from 'autocannon';

/**
 * The KSP24 ranking query (overall and per-industry rankings, best per channel) as an analyst's client asks it:
 * the load test and the replica benchmark send the same document, so their figures compare.
 */
export const RANKING_QUERY = `{ editionResults(editionKey: "KSP24") { __typename ... on EditionResults {
  overall { winner eligibleCount entries { companyKey position total answeredOnly headline } }
  industries { industryKey winner ranking { entries { companyKey position total } } }
  bestOnChannel { channel winner score }
} } }`;

/**
 * autocannon sending the ranking query as an analyst to the API processes at `urls` (connections spread over
 * them): the load test and the replica benchmark load the same way. The caller listens to its responses.
 */
export function rankingLoad(urls: readonly string[], token: string, connections: number, seconds: number) {
  return autocannon({
    url: urls.map((url) => `${url}/graphql`),
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: RANKING_QUERY }),
    connections,
    duration: seconds,
    timeout: 60,
  });
}
