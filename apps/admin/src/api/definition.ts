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

export const AddAreaMutation = graphql(`
  mutation AddArea($editionKey: String!, $input: AddAreaInput!) {
    addArea(editionKey: $editionKey, input: $input) {
      __typename
      ... on Area {
        key
      }
      ...MutationError
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
      ...MutationError
    }
  }
`);

export const RemoveAreaMutation = graphql(`
  mutation RemoveArea($editionKey: String!, $key: String!, $version: Int!) {
    removeArea(editionKey: $editionKey, key: $key, version: $version) {
      __typename
      ... on Edition {
        key
      }
      ...MutationError
    }
  }
`);

export const ReorderAreasMutation = graphql(`
  mutation ReorderAreas($editionKey: String!, $keys: [String!]!) {
    reorderAreas(editionKey: $editionKey, keys: $keys) {
      __typename
      ...MutationError
    }
  }
`);

export const AddPerformanceMutation = graphql(`
  mutation AddPerformance($editionKey: String!, $areaKey: String!, $input: AddPerformanceInput!) {
    addPerformance(editionKey: $editionKey, areaKey: $areaKey, input: $input) {
      __typename
      ... on Performance {
        key
      }
      ...MutationError
    }
  }
`);

export const UpdatePerformanceMutation = graphql(`
  mutation UpdatePerformance(
    $editionKey: String!
    $key: String!
    $version: Int!
    $input: UpdatePerformanceInput!
  ) {
    updatePerformance(editionKey: $editionKey, key: $key, version: $version, input: $input) {
      __typename
      ... on Performance {
        key
        version
      }
      ...MutationError
    }
  }
`);

export const RemovePerformanceMutation = graphql(`
  mutation RemovePerformance($editionKey: String!, $key: String!, $version: Int!) {
    removePerformance(editionKey: $editionKey, key: $key, version: $version) {
      __typename
      ... on Area {
        key
      }
      ...MutationError
    }
  }
`);

export const ReorderPerformancesMutation = graphql(`
  mutation ReorderPerformances($editionKey: String!, $areaKey: String!, $keys: [String!]!) {
    reorderPerformances(editionKey: $editionKey, areaKey: $areaKey, keys: $keys) {
      __typename
      ...MutationError
    }
  }
`);

export const AddQuestionMutation = graphql(`
  mutation AddQuestion($editionKey: String!, $performanceKey: String!, $input: AddQuestionInput!) {
    addQuestion(editionKey: $editionKey, performanceKey: $performanceKey, input: $input) {
      __typename
      ... on Question {
        key
      }
      ...MutationError
    }
  }
`);

export const UpdateQuestionMutation = graphql(`
  mutation UpdateQuestion($editionKey: String!, $key: String!, $version: Int!, $input: UpdateQuestionInput!) {
    updateQuestion(editionKey: $editionKey, key: $key, version: $version, input: $input) {
      __typename
      ... on Question {
        key
        version
      }
      ...MutationError
    }
  }
`);

export const RemoveQuestionMutation = graphql(`
  mutation RemoveQuestion($editionKey: String!, $key: String!, $version: Int!) {
    removeQuestion(editionKey: $editionKey, key: $key, version: $version) {
      __typename
      ... on Performance {
        key
      }
      ...MutationError
    }
  }
`);

export const ReorderQuestionsMutation = graphql(`
  mutation ReorderQuestions($editionKey: String!, $performanceKey: String!, $keys: [String!]!) {
    reorderQuestions(editionKey: $editionKey, performanceKey: $performanceKey, keys: $keys) {
      __typename
      ...MutationError
    }
  }
`);

export const AddOptionMutation = graphql(`
  mutation AddOption($editionKey: String!, $questionKey: String!, $input: AddOptionInput!) {
    addOption(editionKey: $editionKey, questionKey: $questionKey, input: $input) {
      __typename
      ... on AnswerOption {
        key
      }
      ...MutationError
    }
  }
`);

export const UpdateOptionMutation = graphql(`
  mutation UpdateOption(
    $editionKey: String!
    $questionKey: String!
    $key: String!
    $version: Int!
    $input: UpdateOptionInput!
  ) {
    updateOption(editionKey: $editionKey, questionKey: $questionKey, key: $key, version: $version, input: $input) {
      __typename
      ... on AnswerOption {
        key
        version
      }
      ...MutationError
    }
  }
`);

export const RemoveOptionMutation = graphql(`
  mutation RemoveOption($editionKey: String!, $questionKey: String!, $key: String!, $version: Int!) {
    removeOption(editionKey: $editionKey, questionKey: $questionKey, key: $key, version: $version) {
      __typename
      ... on Question {
        key
      }
      ...MutationError
    }
  }
`);

export const ReorderOptionsMutation = graphql(`
  mutation ReorderOptions($editionKey: String!, $questionKey: String!, $keys: [String!]!) {
    reorderOptions(editionKey: $editionKey, questionKey: $questionKey, keys: $keys) {
      __typename
      ...MutationError
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
      ...MutationError
    }
  }
`);
