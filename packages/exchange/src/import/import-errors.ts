/** Field-work files cannot be imported into a closed edition: its results are final. */
export class ClosedEditionImportError extends Error {
  constructor(readonly editionKey: string) {
    super(`Edition ${editionKey} is closed: its evaluations can no longer change.`);
    this.name = 'ClosedEditionImportError';
  }
}
