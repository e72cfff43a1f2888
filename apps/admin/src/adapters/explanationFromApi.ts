import type { MessageKey } from '../i18n/nb';

/** One row of a score explanation as the API sends it (`ExplanationNode` without `children`). */
export interface ApiExplanationNode {
  id: string;
  parentId?: string | null;
  depth: number;
  kind: string;
  key: string;
  label: string;
  points?: number | null;
  possible?: number | null;
  score?: number | null;
  weight?: number | null;
  contribution?: number | null;
  counted: boolean;
  n?: number | null;
  status?: string | null;
  optionKey?: string | null;
  optionLabel?: string | null;
  waitingTime?: number | null;
  shadowScore?: number | null;
  effects: readonly string[];
}

export type ExplanationKind = 'company' | 'channel' | 'contact' | 'area' | 'performance' | 'question';

/** Rules that shaped a row, recognised from its effects, shown as badges. */
export interface ExplanationFlags {
  critical: boolean;
  criticalTriggered: boolean;
  bonus: boolean;
  notApplicable: boolean;
  unanswered: boolean;
  shadowOnly: boolean;
}

export interface ExplanationRow {
  id: string;
  kind: ExplanationKind;
  key: string;
  label: string;
  points: number | null;
  possible: number | null;
  score: number | null;
  weight: number | null;
  contribution: number | null;
  counted: boolean;
  n: number | null;
  status: string | null;
  optionLabel: string | null;
  waitingTime: number | null;
  shadowScore: number | null;
  /** The API's effect sentences (English). */
  effects: readonly string[];
  flags: ExplanationFlags;
  children: ExplanationRow[];
}

const KINDS = new Set<string>(['company', 'channel', 'contact', 'area', 'performance', 'question']);

function flagsOf(effects: readonly string[], status: string | null): ExplanationFlags {
  const has = (pattern: RegExp) => effects.some((effect) => pattern.test(effect));
  return {
    critical: has(/^Critical \(|critical answer set/),
    criticalTriggered: has(/Triggered here\.$|critical answer set/) || status === 'criticalContact',
    bonus: has(/^Bonus:/),
    notApplicable: status === 'notApplicable',
    unanswered: status === 'unanswered' || status === 'contactUnanswered' || has(/unanswered contact\(s\)/),
    shadowOnly: has(/^Unscored:|^Not in the total/),
  };
}

/**
 * Rebuilds the explanation tree from the API's flat pre-order list (parents before children). Rows whose parent
 * is missing become roots, so a partial list still shows.
 */
export function explanationTree(nodes: readonly ApiExplanationNode[]): ExplanationRow[] {
  const byId = new Map<string, ExplanationRow>();
  const roots: ExplanationRow[] = [];
  for (const node of nodes) {
    const status = node.status ?? null;
    const row: ExplanationRow = {
      id: node.id,
      kind: (KINDS.has(node.kind) ? node.kind : 'question') as ExplanationKind,
      key: node.key,
      label: node.label,
      points: node.points ?? null,
      possible: node.possible ?? null,
      score: node.score ?? null,
      weight: node.weight ?? null,
      contribution: node.contribution ?? null,
      counted: node.counted,
      n: node.n ?? null,
      status,
      optionLabel: node.optionLabel ?? null,
      waitingTime: node.waitingTime ?? null,
      shadowScore: node.shadowScore ?? null,
      effects: node.effects,
      flags: flagsOf(node.effects, status),
      children: [],
    };
    byId.set(row.id, row);
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) parent.children.push(row);
    else roots.push(row);
  }
  return roots;
}

type Vars = Record<string, string | number>;
type EffectRule = [RegExp, MessageKey, (match: RegExpMatchArray) => Vars];

const none = () => ({});
// The API writes effects in English (apps/api/src/schema/explanation-tree.ts); each known sentence has a message.
const EFFECT_RULES: EffectRule[] = [
  [
    /^Total = Σ area weight × area % \/ Σ weights .*\((.+)\)\.$/,
    'explain.effect.weighted',
    (m) => ({ d: m[1] ?? '' }),
  ],
  [
    /^Total = 100 × Σ earned \/ Σ possible .*\((.+)\)\.$/,
    'explain.effect.points',
    (m) => ({ d: m[1] ?? '' }),
  ],
  [/^Unanswered contact: counts 0/, 'explain.effect.unansweredContact', none],
  [/^A critical answer set the whole contact to 0\.$/, 'explain.effect.criticalContact', none],
  [/^Nothing could be scored/, 'explain.effect.nothingScorable', none],
  [/^A critical answer set this area to 0\.$/, 'explain.effect.criticalArea', none],
  [/^Not in the total \(unscored or a separate index\)/, 'explain.effect.notInTotal', none],
  [/^Nothing possible in this contact/, 'explain.effect.nothingPossible', none],
  [/^N\/A: left out/, 'explain.effect.notApplicable', none],
  [/^Not answered: counts as not asked\.$/, 'explain.effect.notAnswered', none],
  [/^The contact went unanswered/, 'explain.effect.contactUnanswered', none],
  [
    /^Scored by the channel’s waiting bands \(waiting time (.+)\)\.$/,
    'explain.effect.waiting',
    (m) => ({ time: m[1] ?? '' }),
  ],
  [/^Bonus: /, 'explain.effect.bonus', none],
  [/^Unscored: reported in the shadow score only\.$/, 'explain.effect.unscored', none],
  [
    /^Critical \((\w+)\): .* Triggered here\.$/,
    'explain.effect.criticalTriggered',
    (m) => ({ target: m[1] ?? '' }),
  ],
  [/^Critical \((\w+)\): /, 'explain.effect.critical', (m) => ({ target: m[1] ?? '' })],
  [/^Total = Σ channel weight × channel total/, 'explain.effect.byChannel', none],
  [/^Total = mean of the contact totals/, 'explain.effect.equal', none],
  [
    /^(\d+) contact\(s\) set to 0 by a critical answer\.$/,
    'explain.effect.criticalContacts',
    (m) => ({ count: m[1] ?? '' }),
  ],
  [
    /^(\d+) unanswered contact\(s\), each counting 0\.$/,
    'explain.effect.channelUnanswered',
    (m) => ({ count: m[1] ?? '' }),
  ],
  [
    /^(\d+) contact\(s\) without anything to score/,
    'explain.effect.channelWithoutScore',
    (m) => ({ count: m[1] ?? '' }),
  ],
];

/** An effect sentence in the UI language; sentences the app does not know stay as the API wrote them. */
export function localizeEffect(effect: string, t: (key: MessageKey, vars?: Vars) => string): string {
  for (const [pattern, key, vars] of EFFECT_RULES) {
    const match = effect.match(pattern);
    if (match) {
      const values = vars(match);
      // "area"/"contact" in critical effects are words, not data: name them in the UI language too.
      if (values.target === 'area' || values.target === 'contact')
        values.target = t(`explain.target.${values.target}`);
      return t(key, values);
    }
  }
  return effect;
}

/** Every row id in the tree (for "expand all"). */
export function allRowIds(rows: readonly ExplanationRow[]): string[] {
  return rows.flatMap((row) => [row.id, ...allRowIds(row.children)]);
}
