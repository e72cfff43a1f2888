import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { stringifyDocument } from '@urql/core';
import { graphql } from '../generated/gql';

// Field-work import (docs/import-export.md "Import"): a template per edition and the import itself.

export const ImportTemplateQuery = graphql(`
  query ImportTemplate($editionKey: String!, $format: ImportFormat!) {
    evaluationImportTemplate(editionKey: $editionKey, format: $format) {
      __typename
      ... on EvaluationImportTemplate {
        content
        encoding
        fileName
        mediaType
      }
      ... on Error {
        message
      }
    }
  }
`);

export const ImportEvaluationsMutation = graphql(`
  mutation ImportEvaluations(
    $editionKey: String!
    $format: ImportFormat!
    $content: String!
    $dryRun: Boolean!
    $progressId: String
  ) {
    importEvaluations(
      editionKey: $editionKey
      format: $format
      content: $content
      dryRun: $dryRun
      progressId: $progressId
      maxProblems: 1000
    ) {
      __typename
      ... on EvaluationImportReport {
        dryRun
        rows
        inserted
        skipped
        written
        problemCount
        truncated
        problems {
          row
          column
          message
          code
          path
          params {
            name
            value
          }
        }
      }
      ... on NotFoundError {
        key
      }
      ... on ReadOnlyEditionError {
        editionKey
        status
      }
      ...MutationError
    }
  }
`);

/** How far the server is with an import started with `progressId` (polled while the mutation runs). */
export const ImportProgressQuery = graphql(`
  query ImportProgress($progressId: String!) {
    evaluationImportProgress(progressId: $progressId) {
      phase
      rows
      totalRows
      finished
    }
  }
`);

/** Where a request is: sending the body (with its share sent), then waiting while the server works. */
export type TransferProgress = { phase: 'uploading'; sent: number; total: number } | { phase: 'processing' };

/**
 * One GraphQL request through XMLHttpRequest, because fetch cannot report upload progress: `onProgress` hears
 * the body's bytes going out, then `processing` once it is all sent and the server checks and writes.
 */
export function requestWithProgress<Result, Variables>(
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  token: string | null,
  onProgress: (progress: TransferProgress) => void,
): Promise<{ data?: Result; errors?: Array<{ message: string }> }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/graphql');
    xhr.setRequestHeader('content-type', 'application/json');
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      onProgress({ phase: 'uploading', sent: event.loaded, total: event.lengthComputable ? event.total : 0 });
    };
    xhr.upload.onload = () => onProgress({ phase: 'processing' });
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText));
      } catch {
        reject(new Error(`HTTP ${xhr.status}`));
      }
    };
    xhr.onerror = () => reject(new Error('network error'));
    xhr.send(JSON.stringify({ query: stringifyDocument(document), variables }));
  });
}
