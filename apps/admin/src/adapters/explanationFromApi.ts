import type { Locale } from '@ksp/domain';
import type {
  AreaCounting,
  CriticalEffect,
  ExplanationEffectCode,
  TieBreakStep,
  WaitUnit,
} from '../generated/gql/graphql';
import { formatNumber, formatScore } from '../i18n/format';
import type { MessageKey } from '../i18n/nb';

/**
 * A rule that shaped a row, as the API sends it: a code and the parameters it names (docs/scoring.md,
 * "Explanation effects"). Every field but `code` is optional so that a query may select only those it shows.
 */
export interface ApiExplanationEffect {
  code: ExplanationEffectCode;
  count?: number | null;
  minimum?: number | null;
  total?: number | null;
  channel?: string | null;
  companyKey?: string | null;
  step?: TieBreakStep | null;
  difference?: number | null;
  waitingTime?: number | null;
  waitUnit?: WaitUnit | null;
  maxWait?: number | null;
  upTo?: number | null;
  points?: number | null;
  maxPoints?: number | null;
  possible?: number | null;
  earned?: number | null;
  weight?: number | null;
  weightSum?: number | null;
  possibleSum?: number | null;
  percentage?: number | null;
  contribution?: number | null;
  scope?: CriticalEffect | null;
  counting?: AreaCounting | null;
}

/** One row of a score explanation as the API sends it (`ExplanationNode` without `children`). */
export interface ApiExplanationNode {
  id: string;
  parentId?: string | null;
  depth: number;
  /** Rows directly below; the API may leave them out of one answer (absent: the rows sent below it). */
  childCount?: number | null;
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
  effects: readonly ApiExplanationEffect[];
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
  /** The rules that shaped the row (codes with their numbers). */
  effects: readonly ApiExplanationEffect[];
  flags: ExplanationFlags;
  /** Rows directly below, loaded or not: more than `children` means the rest is to be asked for. */
  childCount: number;
  children: ExplanationRow[];
}

const KINDS = new Set<string>(['company', 'channel', 'contact', 'area', 'performance', 'question']);

/** The badges each effect code raises. */
const FLAGS: Partial<Record<ExplanationEffectCode, readonly (keyof ExplanationFlags)[]>> = {
  CRITICAL_QUESTION: ['critical'],
  CRITICAL_TRIGGERED: ['critical', 'criticalTriggered'],
  CRITICAL_ZEROED_AREA: ['critical', 'criticalTriggered'],
  CRITICAL_ZEROED_CONTACT: ['critical', 'criticalTriggered'],
  BONUS: ['bonus'],
  NA_EXCLUDED: ['notApplicable'],
  UNANSWERED: ['unanswered'],
  ANSWERED_TOO_LATE: ['unanswered'],
  CONTACT_NOT_SCORED: ['unanswered'],
  CHANNEL_UNANSWERED: ['unanswered'],
  CHANNEL_ANSWERED_TOO_LATE: ['unanswered'],
  UNSCORED_QUESTION: ['shadowOnly'],
  SHADOW_ONLY_AREA: ['shadowOnly'],
};

function flagsOf(effects: readonly ApiExplanationEffect[]): ExplanationFlags {
  const raised = new Set(effects.flatMap((effect) => FLAGS[effect.code] ?? []));
  return {
    critical: raised.has('critical'),
    criticalTriggered: raised.has('criticalTriggered'),
    bonus: raised.has('bonus'),
    notApplicable: raised.has('notApplicable'),
    unanswered: raised.has('unanswered'),
    shadowOnly: raised.has('shadowOnly'),
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
      flags: flagsOf(node.effects),
      childCount: node.childCount ?? 0,
      children: [],
    };
    byId.set(row.id, row);
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) {
      parent.children.push(row);
      parent.childCount = Math.max(parent.childCount, parent.children.length);
    } else roots.push(row);
  }
  return roots;
}

/** Whether a row has rows below it that were not loaded yet (the API answers in bounded slices). */
export const hasUnloadedChildren = (row: ExplanationRow): boolean => row.children.length < row.childCount;

/** The tree with the rows loaded later (by the id of the row they are below) put in place. */
export function withLoadedRows(
  rows: readonly ExplanationRow[],
  loaded: ReadonlyMap<string, readonly ExplanationRow[]>,
): ExplanationRow[] {
  if (loaded.size === 0) return [...rows];
  return rows.map((row) => {
    const children = row.children.length > 0 ? row.children : (loaded.get(row.id) ?? []);
    return children.length > 0 ? { ...row, children: withLoadedRows(children, loaded) } : row;
  });
}

type Vars = Record<string, string | number>;
type Translate = (key: MessageKey, vars?: Vars) => string;

/**
 * An effect in the UI language: the message of its code (`explain.effect.<CODE>` in both dictionaries) with its
 * parameters formatted for display. `companyName` names neighbours in rankings (their key when unknown).
 */
export function localizeEffect(
  effect: ApiExplanationEffect,
  t: Translate,
  locale: Locale,
  companyName: (key: string) => string = (key) => key,
): string {
  const number = (value: number) => formatNumber(value, locale, 2);
  const vars: Vars = {};
  const numbers = [
    'count',
    'minimum',
    'maxWait',
    'upTo',
    'points',
    'maxPoints',
    'possible',
    'earned',
    'weight',
    'weightSum',
    'possibleSum',
  ] as const;
  for (const name of numbers) {
    const value = effect[name];
    if (value !== null && value !== undefined) vars[name] = number(value);
  }
  for (const name of ['percentage', 'contribution', 'total'] as const) {
    const value = effect[name];
    if (value !== null && value !== undefined) vars[name] = formatScore(value, locale);
  }
  if (effect.waitingTime !== null && effect.waitingTime !== undefined) vars.time = number(effect.waitingTime);
  if (effect.waitUnit) vars.unit = t(`explain.unit.${effect.waitUnit}`);
  if (effect.scope) vars.target = t(`explain.target.${effect.scope}`);
  if (effect.counting) vars.counting = t(`explain.counting.${effect.counting}`);
  if (effect.step) vars.rule = t(`explain.rule.${effect.step}`);
  if (effect.channel) vars.channel = effect.channel;
  if (effect.companyKey) vars.company = companyName(effect.companyKey);
  if (effect.difference !== null && effect.difference !== undefined)
    vars.difference = formatNumber(effect.difference, locale, 2, true);
  return t(`explain.effect.${effect.code}`, vars);
}

/** Every row id in the tree (for "expand all"). */
export function allRowIds(rows: readonly ExplanationRow[]): string[] {
  return rows.flatMap((row) => [row.id, ...allRowIds(row.children)]);
}
