import { graphql } from '../generated/gql';

/**
 * An edition's whole definition with every item's version, order and translations (the API's complexity limit
 * allows it in one query), for the editor, the observer form and names.
 */
export const EditionDefinitionQuery = graphql(`
  query EditionDefinition($key: String!) {
    edition(key: $key) {
      key
      year
      name
      status
      version
      locales
      derivedFrom {
        key
      }
      scoring {
        areaWeighting
        contactWeighting
        headlineAreaKey
      }
      awards {
        minContacts
        minTotal
        minCompaniesPerIndustry
        minContactsPerChannel
      }
      channels {
        key
        version
        order
        nameTranslations {
          locale
          text
        }
        waitUnit
        maxWait
        maxAttempts
        retryOnAnotherDay
        lateAnswerCounts
        weight
        waitingBands {
          upTo
          points
        }
      }
      areas {
        key
        version
        order
        counting
        weight
        nameTranslations {
          locale
          text
        }
        descriptionTranslations {
          locale
          text
        }
        performances {
          key
          version
          order
          nameTranslations {
            locale
            text
          }
          descriptionTranslations {
            locale
            text
          }
          questions {
            key
            version
            order
            type
            channels
            scored
            allowNotApplicable
            required
            cxMetric
            critical
            bonus
            textTranslations {
              locale
              text
            }
            options {
              key
              version
              order
              points
              value
              labelTranslations {
                locale
                text
              }
            }
          }
        }
      }
      participants {
        channels
        company {
          key
          name
        }
        industry {
          key
        }
      }
      rolePlays {
        key
        order
        channelKey
        industry {
          key
        }
        titleTranslations {
          locale
          text
        }
      }
    }
  }
`);

// Definition edits (docs/api.md, "Editing survey definitions"). Each selects its success type and the shared
// `...MutationError`; the editor reloads the definition after a save, so results select little.

/**
 * The editor's one save: every change between the stored definition and the draft, applied by the API all
 * or nothing. Problems come per change with a code the app words; conflicts with the fields both changed.
 */
export const ApplyDefinitionChangesMutation = graphql(`
  mutation ApplyDefinitionChanges($editionKey: String!, $changes: [DefinitionChangeInput!]!) {
    applyDefinitionChanges(editionKey: $editionKey, changes: $changes) {
      __typename
      ... on DefinitionChangesApplied {
        applied
        mergedChanges
      }
      ... on DefinitionChangesRefusedError {
        problems {
          changeIndex
          path
          code
          params {
            name
            value
          }
          item {
            level
            key
            questionKey
          }
        }
        conflicts {
          changeIndex
          item {
            level
            key
            questionKey
          }
          currentVersion
          fields
          current
        }
      }
      ... on Error {
        message
      }
    }
  }
`);
