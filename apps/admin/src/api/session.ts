import { graphql } from '../generated/gql';

export const LoginMutation = graphql(`
  mutation Login($email: EmailAddress!, $password: String!, $deviceToken: String) {
    login(email: $email, password: $password, deviceToken: $deviceToken) {
      __typename
      ... on Session {
        token
        expiresAt
        deviceToken
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
