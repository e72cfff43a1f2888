import { graphql } from '../generated/gql';

// Score explanations (docs/api.md, "Comparability, what-if, explanations and frozen award results"). Each asks for
// the flat `nodes` list (pre-order, parents first) and rebuilds the tree in adapters/explanationFromApi.ts, so one
// selection serves every depth.

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
          id
          parentId
          depth
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
          effects
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
        total
        totalRule
        criticalEffect
        nodes {
          id
          parentId
          depth
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
          effects
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
        reasons
        total
        answeredOnly
        headline
        winner
        winnerWithheld
        above {
          companyKey
          decidedBy
          difference
        }
        below {
          companyKey
          decidedBy
          difference
        }
        company {
          n
          nAnswered
          contactWeighting
          nodes {
            id
            parentId
            depth
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
            effects
          }
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
