import { graphql } from '../generated/gql';

/** One company in one edition: its results, its industry's averages and what is not like-for-like. */
export const CompanyResultsQuery = graphql(`
  query CompanyResults($editionKey: String!, $companyKey: String!, $locale: Locale!) {
    industries {
      key
      name(locale: $locale)
    }
    edition(key: $editionKey) {
      key
      scoring {
        headlineAreaKey
      }
      channels {
        key
        order
        name(locale: $locale)
      }
      areas {
        key
        order
        name(locale: $locale)
        performances {
          key
          order
          name(locale: $locale)
        }
      }
    }
    editionResults(editionKey: $editionKey) {
      __typename
      ... on EditionResults {
        company(companyKey: $companyKey) {
          companyKey
          name
          industryKey
          total
          headline
          n
          cx
          areas {
            key
            score
          }
          performances {
            key
            areaKey
            score
          }
          channels {
            key
            total
            n
          }
        }
        overall {
          entries {
            companyKey
            position
            decidedByKeyOrder
          }
        }
        industries {
          industryKey
          averages
          ranking {
            entries {
              companyKey
              position
              decidedByKeyOrder
            }
          }
        }
      }
      ... on Error {
        message
      }
    }
    companyComparison(editionKey: $editionKey, companyKey: $companyKey, against: PREVIOUS_EDITION) {
      __typename
      ... on QueryCompanyComparisonSuccess {
        data {
          metric
          key
          comparable
          reasons {
            summary(locale: $locale)
          }
        }
      }
    }
  }
`);

/** The company's headline figures in one edition, for the trend over all editions. */
export const CompanyTrendPointQuery = graphql(`
  query CompanyTrendPoint($editionKey: String!, $companyKey: String!) {
    editionResults(editionKey: $editionKey) {
      __typename
      ... on EditionResults {
        year
        company(companyKey: $companyKey) {
          total
          headline
          industryKey
        }
        industries {
          industryKey
          averages
        }
      }
    }
    companyComparison(editionKey: $editionKey, companyKey: $companyKey, against: PREVIOUS_EDITION) {
      __typename
      ... on QueryCompanyComparisonSuccess {
        data {
          metric
          key
          comparable
        }
      }
    }
  }
`);
