import type { LocalizedText } from '../model/locale';
import type { ChangeKind, DefinitionChange, DefinitionLevel } from './definition-change';

/** Builds one change; `affectsTotal` defaults to `affectsScores`. */
export function makeChange(change: {
  level: DefinitionLevel;
  kind: ChangeKind;
  key: string;
  path: string;
  areaKey?: string | null;
  performanceKey?: string | null;
  before: unknown;
  after: unknown;
  summary: LocalizedText;
  affectsScores: boolean;
  affectsTotal?: boolean;
}): DefinitionChange {
  return {
    level: change.level,
    kind: change.kind,
    key: change.key,
    path: change.path,
    areaKey: change.areaKey ?? null,
    performanceKey: change.performanceKey ?? null,
    before: change.before,
    after: change.after,
    summary: change.summary,
    affectsScores: change.affectsScores,
    affectsTotal: change.affectsScores && (change.affectsTotal ?? true),
  };
}

/** Deep equality for plain JSON-like values (the model has no dates, maps or classes). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bKeys = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
