import { graphql } from '../generated/gql';

/** One page of an edition's audit trail (admins only), newest first, with the record before and after. */
export const AuditEntriesQuery = graphql(`
  query AuditEntries($filter: AuditEntryFilter, $first: Int, $after: String) {
    auditEntries(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          at
          action
          entityType
          entityId
          actor {
            id
            name
            email
          }
          before
          after
        }
      }
    }
  }
`);

/** The people who can have made changes, for the "who" filter. */
export const AuditActorsQuery = graphql(`
  query AuditActors {
    users {
      id
      name
      email
    }
  }
`);
