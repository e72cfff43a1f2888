import { graphql } from '../generated/gql';

export const LoginMutation = graphql(`
  mutation Login($email: EmailAddress!, $password: String!) {
    login(email: $email, password: $password) {
      __typename
      ... on Session {
        token
        expiresAt
        viewer {
          email
          name
          role
        }
      }
      ...MutationError
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout {
      __typename
    }
  }
`);
