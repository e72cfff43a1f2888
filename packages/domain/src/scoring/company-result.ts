import type { AreaCounting } from '../model/area';
import type { ChannelKey } from '../model/channel';
import type { CxResult } from './cx-metrics';

/**
 * A company's figures for one area or performance. `score` is the mean of the contact percentages over
 * answered contacts where something was possible (`n` of them); `pooled` is Σearned / Σpossible.
 * The `shadow*` figures are the same computed as if every question were scored.
 */
export interface PartResult {
  key: string;
  n: number;
  score: number | null;
  earned: number;
  possible: number;
  pooled: number | null;
  shadowN: number;
  shadowScore: number | null;
  shadowEarned: number;
  shadowPossible: number;
  shadowPooled: number | null;
}

export interface AreaResult extends PartResult {
  counting: AreaCounting;
  countsInTotal: boolean;
}

export interface PerformanceResult extends PartResult {
  areaKey: string;
}

export interface ChannelResult {
  key: ChannelKey;
  /** Contacts on the channel, answered or not. */
  n: number;
  nAnswered: number;
  /** Mean contact total, unanswered contacts counting 0. */
  total: number | null;
  /** Mean contact total over answered contacts only. */
  answeredOnly: number | null;
}

/** A company's result in one edition. Scores are 0–100 at full precision; null when there is nothing to score. */
export interface CompanyResult {
  companyKey: string;
  name: string;
  industryKey: string;
  n: number;
  nAnswered: number;
  /** Totalresultat: every contact counts, unanswered ones as 0. */
  total: number | null;
  /** Score for besvarte: answered contacts only. */
  answeredOnly: number | null;
  /** The headline area's score (KSP: Kundebehandleren). */
  headline: number | null;
  /** Contacts whose total a critical answer set to 0. */
  criticalContacts: number;
  channels: ChannelResult[];
  areas: AreaResult[];
  performances: PerformanceResult[];
  cx: CxResult;
}

/** A company as the results need it. */
export interface CompanyInfo {
  key: string;
  name: string;
  industryKey: string;
}
