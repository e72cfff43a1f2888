/** A row cannot be removed because other rows (e.g. evaluations) still refer to it. */
export class InUseError extends Error {
  constructor(
    message: string,
    /** How many rows refer to it. */
    readonly references: number,
  ) {
    super(message);
    this.name = 'InUseError';
  }
}
