import { diffEditions } from '../comparison/diff-editions';
import type { Edition } from '../model/edition';
import type { Lineage, LineageMark } from '../model/lineage';
import { computeLineage } from './compute-lineage';
import type { EditionLineage } from './edition-lineage';

/** A figure of a later edition and whether it is like-for-like with its predecessor's. */
export interface ItemComparability {
  key: string;
  /** The key of the same figure in the earlier edition (null for a new item). */
  predecessorKey: string | null;
  mark: LineageMark;
  comparable: boolean;
  /** Why not, in words (empty when comparable). */
  reasons: string[];
}

/** Which figures of `to` compare like-for-like with `from` (docs/comparability.md). */
export interface EditionComparability {
  fromKey: string;
  toKey: string;
  total: { comparable: boolean; reasons: string[] };
  headline: { comparable: boolean; reasons: string[] };
  areas: Record<string, ItemComparability>;
  performances: Record<string, ItemComparability>;
  /** Keys of `from` that `to` no longer has. */
  retired: EditionLineage['retired'];
}

/** A performance keeps its own score when it only changed place; an area's score changes with what it holds. */
const COMPARABLE_PERFORMANCE: ReadonlySet<LineageMark> = new Set(['identical', 'reworded', 'moved']);
const COMPARABLE_AREA: ReadonlySet<LineageMark> = new Set(['identical', 'reworded']);

/**
 * Uses the lineage stored on `to` when `to` was derived from `from` (so admin marks count); otherwise
 * computes it between the two editions.
 */
export function editionComparability(from: Edition, to: Edition): EditionComparability {
  const lineage = computeLineage(from, to);
  const stored = to.derivedFrom === from.key;
  const areas: Record<string, ItemComparability> = {};
  const performances: Record<string, ItemComparability> = {};
  for (const area of to.areas) {
    areas[area.key] = judge(
      'area',
      area.key,
      pick(stored, area.lineage, lineage.areas[area.key]),
      COMPARABLE_AREA,
    );
    for (const p of area.performances) {
      const l = pick(stored, p.lineage, lineage.performances[p.key]);
      performances[p.key] = judge('performance', p.key, l, COMPARABLE_PERFORMANCE);
    }
  }

  const totalReasons: string[] = [];
  for (const area of to.areas) {
    const item = areas[area.key];
    if (area.counting === 'scored' && item && !item.comparable) totalReasons.push(...item.reasons);
  }
  for (const key of lineage.retired.areas) {
    if (from.areas.find((a) => a.key === key)?.counting === 'scored')
      totalReasons.push(`area ${key}: retired`);
  }
  for (const change of diffEditions(from, to).changes) {
    const rulesOrChannel = change.level === 'edition' || change.level === 'channel';
    if (rulesOrChannel && change.affectsScores && (change.affectsTotal ?? true))
      totalReasons.push(`${change.path}: ${change.summary.en ?? change.kind}`);
  }

  const headlineKey = to.scoring.headlineAreaKey;
  const headline = headlineKey === null ? undefined : areas[headlineKey];
  const headlineReasons =
    headlineKey !== from.scoring.headlineAreaKey
      ? [`headline area changed from ${from.scoring.headlineAreaKey} to ${headlineKey}`]
      : (headline?.reasons ?? []);

  return {
    fromKey: from.key,
    toKey: to.key,
    total: { comparable: totalReasons.length === 0, reasons: totalReasons },
    headline: { comparable: headlineReasons.length === 0, reasons: headlineReasons },
    areas,
    performances,
    retired: lineage.retired,
  };
}

function pick(stored: boolean, own: Lineage | null | undefined, computed: Lineage | undefined): Lineage {
  return (
    (stored ? own : undefined) ?? computed ?? { predecessorKeys: [], mark: 'new', markSetBy: 'derivation' }
  );
}

function judge(
  level: 'area' | 'performance',
  key: string,
  lineage: Lineage,
  comparableMarks: ReadonlySet<LineageMark>,
): ItemComparability {
  const single = lineage.predecessorKeys.length === 1 ? (lineage.predecessorKeys[0] as string) : null;
  const comparable = comparableMarks.has(lineage.mark) && single !== null;
  const from = lineage.predecessorKeys.length > 0 ? ` (from ${lineage.predecessorKeys.join(' + ')})` : '';
  return {
    key,
    predecessorKey: single,
    mark: lineage.mark,
    comparable,
    reasons: comparable ? [] : [`${level} ${key}: ${lineage.mark}${from}`],
  };
}
