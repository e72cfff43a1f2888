import { graphql } from '../generated/gql';

/** An edition's whole definition with every item's version, for the editor, the observer form and names. */
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
          # Questions and options come in order; their versions and order fields are left out because every
          # field at this depth costs thousands of complexity points (limit 50 000).
          questions {
            key
            type
            channels
            scored
            allowNotApplicable
            required
            cxMetric
            critical
            bonus
            textNb: text(locale: nb)
            textEn: text(locale: en)
            options {
              key
              points
              value
              labelNb: label(locale: nb)
              labelEn: label(locale: en)
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
        titleTranslations {
          locale
          text
        }
      }
    }
  }
`);

export const UpdateAreaMutation = graphql(`
  mutation UpdateArea($editionKey: String!, $key: String!, $version: Int!, $input: UpdateAreaInput!) {
    updateArea(editionKey: $editionKey, key: $key, version: $version, input: $input) {
      __typename
      ... on Area {
        key
        version
      }
      ... on ConflictError {
        currentVersion
      }
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

export const SetChannelRuleMutation = graphql(`
  mutation SetChannelRule($editionKey: String!, $key: String!, $version: Int!, $input: ChannelRuleInput!) {
    setChannelRule(editionKey: $editionKey, key: $key, version: $version, input: $input) {
      __typename
      ... on ChannelRule {
        key
        version
      }
      ... on ConflictError {
        currentVersion
      }
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

export const ReorderAreasMutation = graphql(`
  mutation ReorderAreas($editionKey: String!, $keys: [String!]!) {
    reorderAreas(editionKey: $editionKey, keys: $keys) {
      __typename
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
      ... on Error {
        message
      }
    }
  }
`);
