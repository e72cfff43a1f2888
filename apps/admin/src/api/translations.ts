import { graphql } from '../generated/gql';

// The translation round trip (docs/api.md "Translation round trip").

export const TranslationExportQuery = graphql(`
  query TranslationExport($editionKey: String!, $format: TranslationFileFormat!) {
    translationExport(editionKey: $editionKey, format: $format) {
      content
      encoding
      filename
      mimeType
      texts
    }
  }
`);

export const ImportTranslationsMutation = graphql(`
  mutation ImportTranslations(
    $editionKey: String!
    $format: TranslationFileFormat!
    $content: String!
    $dryRun: Boolean!
  ) {
    importTranslations(editionKey: $editionKey, format: $format, content: $content, dryRun: $dryRun) {
      __typename
      ... on TranslationImportReport {
        applied
        dryRun
        editionVersion
        changed {
          key
          locale
          before
          after
        }
        missing {
          key
          locale
          context
        }
        unknownRows {
          line
          key
          message
        }
        duplicateRows {
          line
          key
          message
        }
        unreadableRows {
          line
          key
          message
        }
      }
      ...MutationError
    }
  }
`);
