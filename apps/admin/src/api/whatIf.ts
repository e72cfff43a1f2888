import { graphql } from '../generated/gql';

/** An edition's evaluations re-scored under another edition's rules, beside the result as scored. */
export const WhatIfQuery = graphql(`
  query WhatIf($editionKey: String!, $rulesFromEditionKey: String!, $locale: Locale!) {
    whatIf(editionKey: $editionKey, rulesFromEditionKey: $rulesFromEditionKey) {
      __typename
      ... on WhatIf {
        editionKey
        rulesEditionKey
        overallWinner {
          asScored
          whatIf
          changed
        }
        industryWinners {
          industryKey
          asScored
          whatIf
          changed
        }
        companies {
          companyKey
          name
          industryKey
          asScored
          whatIf
          delta
          positionAsScored
          positionWhatIf
          positionChange
        }
        report {
          evaluationsDropped
          questionsDropped
          questionsNotAsked
          optionsDropped {
            questionKey
            optionKey
            count
          }
        }
      }
      ... on Error {
        message
      }
    }
    industries {
      key
      name(locale: $locale)
    }
  }
`);
