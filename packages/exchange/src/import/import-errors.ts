/** Field-work files cannot be imported into a closed edition: its results are final. */
export class ClosedEditionImportError extends Error {
  constructor(readonly editionKey: string) {
    super(`Edition ${editionKey} is closed: its evaluations can no longer change.`);
    this.name = 'ClosedEditionImportError';
  }
}

/** The file read differently in the writing pass than in the checking pass (it was changed meanwhile). */
export class SourceChangedError extends Error {
  constructor() {
    super('The file changed while it was being imported; nothing was stored. Import it again.');
    this.name = 'SourceChangedError';
  }
}
