import { ConstraintViolationError, EditionReadOnlyError, EditionStatusChangeError } from './database-errors';

interface PostgresFailure {
  code: string;
  message: string;
  detail?: string;
}

/** The PostgreSQL SQLSTATE and message, whether the error came through Prisma (driver adapter), pg or PGlite. */
export function postgresFailure(error: unknown): PostgresFailure | null {
  if (typeof error !== 'object' || error === null) return null;
  const cause = (error as { meta?: { driverAdapterError?: { cause?: Record<string, unknown> } } }).meta
    ?.driverAdapterError?.cause;
  if (cause && typeof cause.originalCode === 'string') {
    return {
      code: cause.originalCode,
      message: String(cause.originalMessage ?? cause.message ?? ''),
      detail: typeof cause.detail === 'string' ? cause.detail : undefined,
    };
  }
  const direct = error as { code?: unknown; message?: unknown; detail?: unknown };
  if (typeof direct.code === 'string' && /^[0-9A-Z]{5}$/.test(direct.code)) {
    return {
      code: direct.code,
      message: String(direct.message ?? ''),
      detail: typeof direct.detail === 'string' ? direct.detail : undefined,
    };
  }
  return null;
}

const CONSTRAINT_KINDS: Record<string, ConstraintViolationError['kind']> = {
  '23505': 'unique',
  '23503': 'foreignKey',
  '23514': 'check',
  '23502': 'notNull',
};

/** The typed error for a database failure the data layer knows, else the error unchanged. */
export function translateDatabaseError(error: unknown): unknown {
  const failure = postgresFailure(error);
  if (!failure) return error;
  if (failure.code === 'KS001') return new EditionReadOnlyError(failure.message, { cause: error });
  if (failure.code === 'KS002') return new EditionStatusChangeError(failure.message, { cause: error });
  const kind = CONSTRAINT_KINDS[failure.code];
  if (kind) {
    const detail = failure.detail ? ` (${failure.detail})` : '';
    return new ConstraintViolationError(kind, `${failure.message}${detail}`, { cause: error });
  }
  return error;
}

/** Runs database work and rethrows known failures as the data layer's typed errors. */
export async function withDatabaseErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw translateDatabaseError(error);
  }
}
