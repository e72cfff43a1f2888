/** One field of an audit entry's record that differs between before and after. */
export interface FieldChange {
  /** Dotted path, e.g. `name.en`, `waitingBands`. */
  path: string;
  before: string | null;
  after: string | null;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const shown = (value: unknown): string | null =>
  value === undefined || value === null ? null : typeof value === 'string' ? value : JSON.stringify(value);

/** Flattens nested objects into dotted paths; arrays and scalars are leaves. */
function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (isPlainObject(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
  } else if (prefix) {
    out.set(prefix, value);
  }
  return out;
}

/**
 * The fields that differ between an audit entry's `before` and `after` records (a creation has no before,
 * a removal no after), in the order they appear. `version` and `id` are bookkeeping and left out.
 */
export function jsonDiff(before: unknown, after: unknown): FieldChange[] {
  const old = flatten(before);
  const now = flatten(after);
  const paths = [...new Set([...old.keys(), ...now.keys()])].filter((p) => p !== 'version' && p !== 'id');
  return paths
    .map((path) => ({ path, before: shown(old.get(path)), after: shown(now.get(path)) }))
    .filter((change) => change.before !== change.after);
}
