/** A published or closed edition's definition was written to (database trigger, SQLSTATE KS001). */
export class EditionReadOnlyError extends Error {
  readonly editionKey: string | null;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EditionReadOnlyError';
    this.editionKey = /^edition (\S+) is/.exec(message)?.[1] ?? null;
  }
}

/** An edition's status was moved backwards, e.g. published → draft (database trigger, SQLSTATE KS002). */
export class EditionStatusChangeError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EditionStatusChangeError';
  }
}

/** A row broke a unique key or a foreign key of the database (e.g. an answer to another edition's question). */
export class ConstraintViolationError extends Error {
  readonly kind: 'unique' | 'foreignKey' | 'check' | 'notNull';
  constructor(kind: ConstraintViolationError['kind'], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConstraintViolationError';
    this.kind = kind;
  }
}

/** Something the caller asked for (an edition, a company…) does not exist. */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}
