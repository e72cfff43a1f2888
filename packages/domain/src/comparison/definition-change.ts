import type { ItemLevel } from '../edition-tree/item-ref';
import type { LocalizedText } from '../model/locale';

/** The level of the survey definition a change is about: the edition itself or one of its items. */
export type DefinitionLevel = 'edition' | ItemLevel;

/**
 * What changed between two editions, matched by stable keys.
 * `renamed`: name or question text changed; `moved`: a performance now sits in another area
 * (or a question under another performance); `countingChanged`: scored ↔ unscored ↔ separate index.
 */
export type ChangeKind =
  | 'added'
  | 'removed'
  | 'renamed'
  | 'descriptionChanged'
  | 'moved'
  | 'reordered'
  | 'pointsChanged'
  | 'optionsChanged'
  | 'channelsChanged'
  | 'typeChanged'
  | 'countingChanged'
  | 'weightChanged'
  | 'waitingRulesChanged'
  | 'rulesChanged';

export interface DefinitionChange {
  level: DefinitionLevel;
  kind: ChangeKind;
  /** The stable key of the changed item. */
  key: string;
  /** Where it sits, e.g. `kundebehandleren/listening/listening_q1` (in the newer edition when it exists). */
  path: string;
  /** Area key (and performance key) the item belongs to, in the newer edition if present, else the older. */
  areaKey: string | null;
  performanceKey: string | null;
  before: unknown;
  after: unknown;
  /** A short sentence for people, in both locales. */
  summary: LocalizedText;
  /** True when the change makes scores of this item (and its parents) not like-for-like. */
  affectsScores: boolean;
  /**
   * True when the change makes Totalresultat not like-for-like. Differs from `affectsScores` only for
   * changes confined to a separate index (CX) or to unscored items. Absent means the same as `affectsScores`.
   */
  affectsTotal?: boolean;
}

export interface EditionDiff {
  fromKey: string;
  toKey: string;
  changes: DefinitionChange[];
}
