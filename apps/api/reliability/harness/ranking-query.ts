/**
 * The KSP24 ranking query (overall and per-industry rankings, best per channel) as an analyst's client asks it:
 * the load test and the replica benchmark send the same document, so their figures compare.
 */
export const RANKING_QUERY = `{ editionResults(editionKey: "KSP24") { __typename ... on EditionResults {
  overall { winner eligibleCount entries { companyKey position total answeredOnly headline } }
  industries { industryKey winner ranking { entries { companyKey position total } } }
  bestOnChannel { channel winner score }
} } }`;
