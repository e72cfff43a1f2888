import { graphql } from '../generated/gql';

// Score explanations (docs/api.md, "Comparability, what-if, explanations and frozen award results"). Each asks for
// the flat `nodes` list (pre-order, parents first) and rebuilds the tree in adapters/explanationFromApi.ts, so one
// selection serves every depth. The API answers in bounded slices (a company down to its contacts); a row whose
// `childCount` is above the rows received below it is opened with the *Rows queries (`nodes(under:)`).

/** The fields of an explanation row, as every explanation query reads them (the adapter rebuilds the tree). */
export const ExplanationNodeFields = graphql(`
  fragment ExplanationNodeFields on ExplanationNode {
    id
    parentId
    depth
    childCount
    kind
    key
    label(locale: $locale)
    points
    possible
    score
    weight
    contribution
    counted
    n
    status
    optionKey
    optionLabel(locale: $locale)
    waitingTime
    shadowScore
    effects {
      code
      count
      minimum
      total
      channel
      companyKey
      step
      difference
      waitingTime
      waitUnit
      maxWait
      upTo
      points
      maxPoints
      possible
      earned
      weight
      weightSum
      possibleSum
      percentage
      contribution
      scope
      counting
    }
  }
`);

export const ExplainCompanyQuery = graphql(`
  query ExplainCompany($editionKey: String!, $companyKey: String!, $locale: Locale!) {
    explainCompany(editionKey: $editionKey, companyKey: $companyKey) {
      __typename
      ... on CompanyExplanation {
        companyKey
        name
        total
        answeredOnly
        headline
        n
        nAnswered
        contactWeighting
        nodes {
          ...ExplanationNodeFields
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

export const ExplainContactQuery = graphql(`
  query ExplainContact($evaluationId: ID!, $locale: Locale!) {
    explainContact(evaluationId: $evaluationId) {
      __typename
      ... on ContactExplanation {
        contactId
        companyKey
        channel
        answered
        outcome
        total
        totalRule
        criticalEffect
        nodes {
          ...ExplanationNodeFields
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

export const ExplainRankingPositionQuery = graphql(`
  query ExplainRankingPosition(
    $editionKey: String!
    $position: Int!
    $industryKey: String
    $companyKey: String
    $locale: Locale!
  ) {
    explainRankingPosition(
      editionKey: $editionKey
      position: $position
      industryKey: $industryKey
      companyKey: $companyKey
    ) {
      __typename
      ... on RankingPositionExplanation {
        companyKey
        name
        position
        industryKey
        eligible
        total
        answeredOnly
        headline
        winner
        effects {
          code
          count
          minimum
          total
          companyKey
          step
          difference
        }
        company {
          n
          nAnswered
          contactWeighting
          nodes {
            ...ExplanationNodeFields
          }
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

/** The rows below one row of a company's explanation (opened in the tree). */
export const ExplainCompanyRowsQuery = graphql(`
  query ExplainCompanyRows($editionKey: String!, $companyKey: String!, $under: String!, $locale: Locale!) {
    explainCompany(editionKey: $editionKey, companyKey: $companyKey) {
      __typename
      ... on CompanyExplanation {
        nodes(under: $under) {
          ...ExplanationNodeFields
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

/** The rows below one row of a contact's explanation (opened in the tree). */
export const ExplainContactRowsQuery = graphql(`
  query ExplainContactRows($evaluationId: ID!, $under: String!, $locale: Locale!) {
    explainContact(evaluationId: $evaluationId) {
      __typename
      ... on ContactExplanation {
        nodes(under: $under) {
          ...ExplanationNodeFields
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

/** A company's contacts in an edition, to pick one to explain (100 at most: an edition has ~25 per company). */
export const CompanyContactsQuery = graphql(`
  query CompanyContacts($editionKey: String!, $companyKey: String!) {
    evaluations(filter: { editionKey: $editionKey, companyKey: $companyKey }, first: 100) {
      totalCount
      edges {
        node {
          id
          contactId
          channelKey
          answered
          contactedAt
        }
      }
    }
  }
`);
