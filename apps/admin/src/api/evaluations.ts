import { graphql } from '../generated/gql';

export const SubmitEvaluationMutation = graphql(`
  mutation SubmitEvaluation($input: SubmitEvaluationInput!) {
    submitEvaluation(input: $input) {
      __typename
      ... on Evaluation {
        id
        contactId
      }
      ...MutationError
    }
  }
`);
