/** A company's line in a ranking. Scores are percentages (0–100); null when there is nothing to score. */
export interface RankingRow {
  companyKey: string;
  companyName: string;
  industryKey: string;
  industryName: string;
  /** Place in the overall ranking; null when the company can't win (see `eligible`). */
  rank: number | null;
  /** Place in its industry's ranking; null when the company can't win. */
  industryRank: number | null;
  /** Places shared with companies equal on every ranking rule (only key order lists one first). */
  shared: { overall: SharedWith; industry: SharedWith };
  total: number | null;
  /** The headline area's score (KSP: Kundebehandleren). */
  headline: number | null;
  contacts: number;
  eligible: boolean;
  /** Score per channel key. */
  byChannel: Record<string, number | null>;
}

/** The names of the companies a place is shared with; empty when the place is the company's own. */
export type SharedWith = string[];

export interface NamedKey {
  key: string;
  name: string;
}

/**
 * The winners of a ranking or award: one company, or several sharing first place (equal on every rule;
 * `decidedByKeyOrder`: only key order would have named one); none when there is no winner.
 */
export interface Winners {
  companies: NamedKey[];
  decidedByKeyOrder: boolean;
}

export interface ChannelWinner extends Winners {
  channel: NamedKey;
  score: number | null;
}

export interface ResultsData {
  editionKey: string;
  headlineName: string | null;
  rows: RankingRow[];
  industries: NamedKey[];
  channels: NamedKey[];
  /** The overall ranking's first place. */
  overallWinners: Winners;
  /** Class winners by industry key (none when withheld). */
  industryWinners: Record<string, Winners>;
  bestOnChannel: ChannelWinner[];
}
