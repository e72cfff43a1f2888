import { graphql } from '../generated/gql';

// Lineage marks, comparability and comparable trends (docs/api.md and docs/comparability.md).

export const EditionLineageQuery = graphql(`
  query EditionLineage($editionKey: String!, $baselineEditionKey: String, $locale: Locale!) {
    editionLineage(editionKey: $editionKey) {
      __typename
      ... on EditionLineage {
        editionKey
        predecessorEditionKey
        items {
          level
          key
          areaKey
          performanceKey
          mark
          markSetBy
          name(locale: $locale)
          predecessorKeys
          version
        }
        retired {
          level
          key
          areaKey
          performanceKey
          name(locale: $locale)
        }
      }
      ... on Error {
        message
      }
    }
    editionComparability(editionKey: $editionKey, baselineEditionKey: $baselineEditionKey) {
      __typename
      ... on EditionComparability {
        fromKey
        toKey
        total {
          comparable
          reasons
        }
        headline {
          comparable
          reasons
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

export const SetLineageMarkMutation = graphql(`
  mutation SetLineageMark(
    $editionKey: String!
    $level: LineageLevel!
    $key: String!
    $mark: LineageMark!
    $predecessorKeys: [String!]
    $version: Int!
  ) {
    setLineageMark(
      editionKey: $editionKey
      level: $level
      key: $key
      mark: $mark
      predecessorKeys: $predecessorKeys
      version: $version
    ) {
      __typename
      ... on LineageItem {
        key
        level
        mark
        markSetBy
        predecessorKeys
        version
      }
      ...MutationError
    }
  }
`);

/** A company's (or an industry's, or everyone's) trend with comparable steps; names of areas and performances. */
export const ComparableTrendQuery = graphql(`
  query ComparableTrend(
    $companyKey: String
    $industryKey: String
    $includeNonComparable: Boolean!
    $allCompanies: Boolean!
    $locale: Locale!
  ) {
    comparableTrend(
      companyKey: $companyKey
      industryKey: $industryKey
      includeNonComparable: $includeNonComparable
      allCompanies: $allCompanies
    ) {
      __typename
      ... on ComparableTrend {
        editionKeys
        subjectKind
        totals {
          editionKey
          n
          total
        }
        steps {
          fromKey
          toKey
          companies
          nBaseline
          nCurrent
          rows {
            metric
            key
            current
            baseline
            delta
            comparable
            reasons
          }
          excluded {
            metric
            key
            reasons
          }
        }
      }
      ... on Error {
        message
      }
    }
    editions {
      key
      areas {
        key
        name(locale: $locale)
        performances {
          key
          name(locale: $locale)
        }
      }
    }
  }
`);
