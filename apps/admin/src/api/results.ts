import { graphql } from '../generated/gql';

export const EditionResultsQuery = graphql(`
  query EditionResults($editionKey: String!, $locale: Locale!) {
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
        name(locale: $locale)
      }
    }
    editionResults(editionKey: $editionKey) {
      __typename
      ... on EditionResults {
        editionKey
        overall {
          entries {
            companyKey
            name
            industryKey
            position
            eligible
            total
            headline
            n
          }
        }
        industries {
          industryKey
          winner
          ranking {
            entries {
              companyKey
              position
            }
          }
        }
        bestOnChannel {
          channel
          winner
          score
        }
        companies {
          companyKey
          channels {
            key
            total
          }
        }
      }
      ... on Error {
        message
      }
    }
  }
`);
