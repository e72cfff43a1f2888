import { graphql } from '../generated/gql';

// Frozen award results and award rules (docs/api.md, docs/comparability.md "Frozen award results").

export const AwardsOverviewQuery = graphql(`
  query AwardsOverview($editionKey: String!, $locale: Locale!) {
    edition(key: $editionKey) {
      key
      name
      status
      channels {
        key
        name(locale: $locale)
      }
    }
    industries {
      key
      name(locale: $locale)
    }
    companies {
      key
      name
    }
    awardSnapshots(editionKey: $editionKey) {
      __typename
      ... on QueryAwardSnapshotsSuccess {
        data {
          revision
          reason
          rulesVersion
          createdAt
          createdByName
          createdByEmail
          overallWinner
        }
      }
      ... on Error {
        message
      }
    }
    awardRules(editionKey: $editionKey) {
      __typename
      ... on EditionAwardRules {
        editionKey
        status
        version
        minContacts
        minTotal
        minCompaniesPerIndustry
        minContactsPerChannel
        categoriesAreDefault
        categories {
          key
          kind
          channel
          name(locale: $locale)
          nameNb: name(locale: nb)
          nameEn: name(locale: en)
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

export const AwardSnapshotQuery = graphql(`
  query AwardSnapshot($editionKey: String!, $revision: Int) {
    awardSnapshot(editionKey: $editionKey, revision: $revision) {
      __typename
      ... on AwardSnapshot {
        revision
        reason
        rulesVersion
        createdAt
        createdByName
        snapshotVersion
        overallWinner
        overallWinners
        overallWinnerDecidedByKeyOrder
        overall {
          position
          decidedByKeyOrder
          companyKey
          name
          industryKey
          total
          answeredOnly
          headline
          n
          eligible
        }
        industries {
          industryKey
          winner
          winners
          winnerDecidedByKeyOrder
          winnerWithheld
        }
        bestOnChannel {
          channel
          winner
          winners
          winnerDecidedByKeyOrder
          score
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

export const AwardSnapshotDiffQuery = graphql(`
  query AwardSnapshotDiff($editionKey: String!, $fromRevision: Int!, $toRevision: Int!) {
    awardSnapshotDiff(editionKey: $editionKey, fromRevision: $fromRevision, toRevision: $toRevision) {
      __typename
      ... on AwardSnapshotDiff {
        fromRevision
        toRevision
        reason
        changes {
          kind
          award
          ranking
          companyKey
          what
          before
          after
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

export const PublishResultsMutation = graphql(`
  mutation PublishResults($editionKey: String!) {
    publishResults(editionKey: $editionKey) {
      __typename
      ... on AwardSnapshot {
        revision
      }
      ...MutationError
    }
  }
`);

export const CorrectResultsMutation = graphql(`
  mutation CorrectResults($editionKey: String!, $reason: String!) {
    correctResults(editionKey: $editionKey, reason: $reason) {
      __typename
      ... on AwardSnapshot {
        revision
      }
      ...MutationError
    }
  }
`);

export const SetAwardRulesMutation = graphql(`
  mutation SetAwardRules($editionKey: String!, $version: Int!, $input: AwardRulesInput!) {
    setAwardRules(editionKey: $editionKey, version: $version, input: $input) {
      __typename
      ... on EditionAwardRules {
        version
      }
      ...MutationError
    }
  }
`);
