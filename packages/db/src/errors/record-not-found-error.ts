import { NotFoundError } from './database-errors';

/** A NotFoundError that names the kind of record and the key looked up, so callers can report both. */
export class RecordNotFoundError extends NotFoundError {
  constructor(
    /** e.g. `Edition`, `RolePlay`, `CompanyParticipation`, `Evaluation`. */
    readonly resource: string,
    /** The key or id that was looked up, e.g. `KSP25/acme`. */
    readonly key: string,
    message = `${resource} ${key} does not exist`,
  ) {
    super(message);
    this.name = 'RecordNotFoundError';
  }
}
