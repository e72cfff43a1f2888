import { graphql } from '../generated/gql';

export const EditionsQuery = graphql(`
  query Editions {
    editions {
      key
      year
      name
      status
      derivedFrom {
        key
      }
      participants {
        company {
          key
        }
      }
    }
  }
`);

/** How many evaluations an edition has (one small query per edition card). */
export const EvaluationCountQuery = graphql(`
  query EvaluationCount($editionKey: String!) {
    evaluations(first: 1, filter: { editionKey: $editionKey }) {
      totalCount
    }
  }
`);

export const CreateEditionFromMutation = graphql(`
  mutation CreateEditionFrom($sourceKey: String!, $key: String!, $name: String!, $year: Int!) {
    createEditionFrom(sourceKey: $sourceKey, key: $key, name: $name, year: $year) {
      __typename
      ... on Edition {
        key
      }
      ...MutationError
    }
  }
`);

/** A new draft with the four KSP channels and no areas, for a survey built from scratch. */
export const CreateEmptyEditionMutation = graphql(`
  mutation CreateEmptyEdition($key: String!, $name: String!, $year: Int!) {
    createEmptyEdition(key: $key, name: $name, year: $year) {
      __typename
      ... on Edition {
        key
      }
      ...MutationError
    }
  }
`);

export const PublishEditionMutation = graphql(`
  mutation PublishEdition($editionKey: String!) {
    publishEdition(editionKey: $editionKey) {
      __typename
      ... on Edition {
        key
        status
      }
      ...MutationError
    }
  }
`);

export const CloseEditionMutation = graphql(`
  mutation CloseEdition($editionKey: String!) {
    closeEdition(editionKey: $editionKey) {
      __typename
      ... on Edition {
        key
        status
      }
      ...MutationError
    }
  }
`);
