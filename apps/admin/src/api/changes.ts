import { graphql } from '../generated/gql';

export const EditionDiffQuery = graphql(`
  query EditionDiff($fromKey: String!, $toKey: String!) {
    editionDiff(fromKey: $fromKey, toKey: $toKey) {
      __typename
      ... on EditionDiff {
        fromKey
        toKey
        changes {
          level
          kind
          key
          path
          areaKey
          performanceKey
          before
          after
          affectsScores
          affectsTotal
          nb: summary(locale: nb)
          en: summary(locale: en)
        }
      }
      ... on Error {
        message
      }
    }
  }
`);
