import type { AwardRules, Edition, ScoringRules } from '../model/edition';
import type { EditionResults } from '../results/edition-results';
import { DomainValidationError, type ValidationIssue } from '../validation/issue';
import { type AwardOutcome, evaluateAwards } from './award-categories';

/**
 * Bumped when the snapshot's shape changes, so stored snapshots can be read by the right code.
 * 2: shared places and winners decided only by key order are recorded (`decidedByKeyOrder`, `winners`,
 * `nAnswered`); version 1 snapshots lack these fields (ties were not recorded then; positions were unique).
 */
export const AWARD_SNAPSHOT_VERSION = 2;

/** The snapshot versions this code reads. */
export type AwardSnapshotVersion = 1 | typeof AWARD_SNAPSHOT_VERSION;
export const isReadableAwardSnapshotVersion = (version: unknown): version is AwardSnapshotVersion =>
  version === 1 || version === AWARD_SNAPSHOT_VERSION;

export interface SnapshotRankingEntry {
  companyKey: string;
  name: string;
  industryKey: string;
  /** 1-based place; companies tied on every ranking rule share it (from version 2; unique in version 1). */
  position: number | null;
  eligible: boolean;
  total: number | null;
  answeredOnly: number | null;
  headline: number | null;
  n: number;
  /** Answered contacts, the fourth ranking rule (absent in version 1). */
  nAnswered?: number;
  /** True when the place is shared: tied with a neighbour on every rule but key order (absent in version 1). */
  decidedByKeyOrder?: boolean;
}

/** Who shares a first place (from version 2; absent in version 1, which did not record ties). */
export interface SnapshotWinners {
  /** Every company at place 1, by key order; empty when there is no winner. */
  winners?: string[];
  /** True when place 1 is shared, so only key order would name the single `winner`. */
  winnerDecidedByKeyOrder?: boolean;
}

/**
 * The published results of an edition, frozen: rankings, winners per industry, the overall winner, best per
 * channel and the rules used. Plain JSON; a correction makes a new snapshot with the next revision and a reason.
 */
export interface AwardSnapshot {
  snapshotVersion: AwardSnapshotVersion;
  editionKey: string;
  year: number;
  /** 1 for the first publication, then 2, 3, … for corrections. */
  revision: number;
  /** Why this revision exists (required from revision 2). */
  reason: string | null;
  /** Which version of the scoring rules produced the numbers (e.g. a git tag or a rules id). */
  rulesVersion: string;
  scoring: ScoringRules;
  awards: AwardRules;
  overall: SnapshotRankingEntry[];
  /** Every company at place 1 of the overall ranking, by key order (absent in version 1). */
  overallWinners?: string[];
  /** True when the overall first place is shared (absent in version 1). */
  overallWinnerDecidedByKeyOrder?: boolean;
  industries: ({
    industryKey: string;
    entries: SnapshotRankingEntry[];
    winner: string | null;
    winnerWithheld: string | null;
  } & SnapshotWinners)[];
  bestOnChannel: ({ channel: string; winner: string | null; score: number | null } & SnapshotWinners)[];
  /** Version 1 outcomes lack `winners` and `decidedByKeyOrder`. */
  outcomes: (Omit<AwardOutcome, 'winners' | 'decidedByKeyOrder'> & Partial<AwardOutcome>)[];
  /** One company key per award: the first at place 1 (by key order when it is shared; see the `winners` lists). */
  winners: {
    overall: string | null;
    byIndustry: Record<string, string | null>;
    byChannel: Record<string, string | null>;
  };
}

export interface SnapshotOptions {
  revision: number;
  reason?: string | null;
  rulesVersion: string;
}

/** Builds the frozen, serialisable snapshot of an edition's published results. */
export function createAwardSnapshot(
  results: EditionResults,
  edition: Pick<Edition, 'key' | 'awards'>,
  { revision, reason = null, rulesVersion }: SnapshotOptions,
): AwardSnapshot {
  const issues: ValidationIssue[] = [];
  if (!Number.isInteger(revision) || revision < 1)
    issues.push({ path: 'revision', message: 'a revision is a whole number from 1' });
  if (revision > 1 && !reason?.trim())
    issues.push({ path: 'reason', message: 'a corrected revision needs a reason' });
  if (!rulesVersion.trim()) issues.push({ path: 'rulesVersion', message: 'the rules version is required' });
  if (results.editionKey !== edition.key)
    issues.push({
      path: 'editionKey',
      message: `results are for "${results.editionKey}", not "${edition.key}"`,
    });
  if (issues.length > 0) throw new DomainValidationError('Award snapshot', issues);

  const entry = (e: EditionResults['overall']['entries'][number]): SnapshotRankingEntry => ({
    companyKey: e.companyKey,
    name: e.name,
    industryKey: e.industryKey,
    position: e.position,
    eligible: e.eligible,
    total: e.total,
    answeredOnly: e.answeredOnly,
    headline: e.headline,
    n: e.n,
    nAnswered: e.nAnswered,
    decidedByKeyOrder: e.decidedByKeyOrder,
  });
  const snapshot: AwardSnapshot = {
    snapshotVersion: AWARD_SNAPSHOT_VERSION,
    editionKey: results.editionKey,
    year: results.year,
    revision,
    reason: reason?.trim() || null,
    rulesVersion,
    scoring: results.scoring,
    awards: edition.awards,
    overall: results.overall.entries.map(entry),
    overallWinners: results.overall.winners,
    overallWinnerDecidedByKeyOrder: results.overall.winnerDecidedByKeyOrder,
    industries: results.industries.map((i) => ({
      industryKey: i.industryKey,
      entries: i.entries.map(entry),
      winner: i.winner,
      winnerWithheld: i.winnerWithheld,
      winners: i.winners,
      winnerDecidedByKeyOrder: i.winnerDecidedByKeyOrder,
    })),
    bestOnChannel: results.bestOnChannel.map((b) => ({
      channel: b.channel,
      winner: b.winner,
      score: b.score,
      winners: b.winners,
      winnerDecidedByKeyOrder: b.winnerDecidedByKeyOrder,
    })),
    outcomes: evaluateAwards(results, edition),
    winners: {
      overall: results.overall.winner,
      byIndustry: Object.fromEntries(results.industries.map((i) => [i.industryKey, i.winner])),
      byChannel: Object.fromEntries(results.bestOnChannel.map((b) => [b.channel, b.winner])),
    },
  };
  // A deep copy through JSON: the snapshot shares nothing with the live results and is plain data.
  return deepFreeze(JSON.parse(JSON.stringify(snapshot)) as AwardSnapshot);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
