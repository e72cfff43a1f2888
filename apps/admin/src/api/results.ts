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
          winners
          winnerDecidedByKeyOrder
          entries {
            companyKey
            name
            industryKey
            position
            decidedByKeyOrder
            tiedWith
            eligible
            total
            headline
            n
          }
        }
        industries {
          industryKey
          winners
          winnerDecidedByKeyOrder
          ranking {
            entries {
              companyKey
              position
              decidedByKeyOrder
              tiedWith
            }
          }
        }
        bestOnChannel {
          channel
          winners
          winnerDecidedByKeyOrder
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
