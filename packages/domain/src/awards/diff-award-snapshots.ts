import type { AwardSnapshot, SnapshotRankingEntry } from './award-snapshot';

export type SnapshotChange =
  | { kind: 'winnerChanged'; award: string; before: string | null; after: string | null }
  /** Who shares place 1 changed (both snapshots version 2; at least one with a shared first place). */
  | { kind: 'sharedWinnersChanged'; award: string; before: string[]; after: string[] }
  | {
      kind: 'positionChanged';
      ranking: string;
      companyKey: string;
      before: number | null;
      after: number | null;
    }
  | { kind: 'scoreChanged'; ranking: string; companyKey: string; before: number | null; after: number | null }
  | { kind: 'companyAdded' | 'companyRemoved'; ranking: string; companyKey: string }
  | { kind: 'rulesChanged'; what: 'scoring' | 'awards' | 'rulesVersion' };

export interface SnapshotDiff {
  editionKey: string;
  fromRevision: number;
  toRevision: number;
  /** The later revision's reason. */
  reason: string | null;
  changes: SnapshotChange[];
}

/**
 * What changed between two revisions of an edition's award snapshot: winners (overall, per industry, per
 * channel) and who shares a first place, positions and totals in every ranking (`overall` or
 * `industry:<key>`), companies in or out, rules.
 */
export function diffAwardSnapshots(a: AwardSnapshot, b: AwardSnapshot): SnapshotDiff {
  if (a.editionKey !== b.editionKey)
    throw new Error(`snapshots of different editions: ${a.editionKey} and ${b.editionKey}`);
  const changes: SnapshotChange[] = [];
  const winner = (award: string, before: string | null | undefined, after: string | null | undefined) => {
    if ((before ?? null) !== (after ?? null))
      changes.push({ kind: 'winnerChanged', award, before: before ?? null, after: after ?? null });
  };
  // Version 1 snapshots did not record who shares a first place: nothing to compare then.
  const shared = (award: string, before: string[] | undefined, after: string[] | undefined) => {
    if (!before || !after || (before.length < 2 && after.length < 2)) return;
    if (before.join('\n') !== after.join('\n'))
      changes.push({ kind: 'sharedWinnersChanged', award, before: [...before], after: [...after] });
  };
  const industryWinners = (s: AwardSnapshot, key: string) =>
    s.industries.find((i) => i.industryKey === key)?.winners;
  const channelWinners = (s: AwardSnapshot, key: string) =>
    s.bestOnChannel.find((c) => c.channel === key)?.winners;
  winner('overall', a.winners.overall, b.winners.overall);
  shared('overall', a.overallWinners, b.overallWinners);
  for (const key of union(a.winners.byIndustry, b.winners.byIndustry)) {
    winner(`industry:${key}`, a.winners.byIndustry[key], b.winners.byIndustry[key]);
    shared(`industry:${key}`, industryWinners(a, key), industryWinners(b, key));
  }
  for (const key of union(a.winners.byChannel, b.winners.byChannel)) {
    winner(`channel:${key}`, a.winners.byChannel[key], b.winners.byChannel[key]);
    shared(`channel:${key}`, channelWinners(a, key), channelWinners(b, key));
  }

  diffRanking(changes, 'overall', a.overall, b.overall);
  const industries = new Set([...a.industries, ...b.industries].map((i) => i.industryKey));
  for (const key of [...industries].sort()) {
    const entries = (s: AwardSnapshot) => s.industries.find((i) => i.industryKey === key)?.entries ?? [];
    diffRanking(changes, `industry:${key}`, entries(a), entries(b));
  }
  if (JSON.stringify(a.scoring) !== JSON.stringify(b.scoring))
    changes.push({ kind: 'rulesChanged', what: 'scoring' });
  if (JSON.stringify(a.awards) !== JSON.stringify(b.awards))
    changes.push({ kind: 'rulesChanged', what: 'awards' });
  if (a.rulesVersion !== b.rulesVersion) changes.push({ kind: 'rulesChanged', what: 'rulesVersion' });
  return {
    editionKey: a.editionKey,
    fromRevision: a.revision,
    toRevision: b.revision,
    reason: b.reason,
    changes,
  };
}

function diffRanking(
  changes: SnapshotChange[],
  ranking: string,
  before: readonly SnapshotRankingEntry[],
  after: readonly SnapshotRankingEntry[],
) {
  const old = new Map(before.map((e) => [e.companyKey, e]));
  const now = new Map(after.map((e) => [e.companyKey, e]));
  for (const e of after) {
    const o = old.get(e.companyKey);
    if (!o) {
      changes.push({ kind: 'companyAdded', ranking, companyKey: e.companyKey });
      continue;
    }
    if (o.position !== e.position)
      changes.push({
        kind: 'positionChanged',
        ranking,
        companyKey: e.companyKey,
        before: o.position,
        after: e.position,
      });
    if (o.total !== e.total)
      changes.push({
        kind: 'scoreChanged',
        ranking,
        companyKey: e.companyKey,
        before: o.total,
        after: e.total,
      });
  }
  for (const e of before)
    if (!now.has(e.companyKey)) changes.push({ kind: 'companyRemoved', ranking, companyKey: e.companyKey });
}

const union = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
