/** A lineage mark or award rules change was based on a version of the record that is no longer the stored one. */
export class VersionMismatchError extends Error {
  constructor(
    readonly what: string,
    readonly currentVersion: number,
    readonly sentVersion: number,
    readonly current: unknown,
  ) {
    super(`${what} is at version ${currentVersion}, the change was based on ${sentVersion}`);
    this.name = 'VersionMismatchError';
  }
}
