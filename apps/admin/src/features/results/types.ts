/** A company's line in a ranking. Scores are percentages (0–100); null when there is nothing to score. */
export interface RankingRow {
  companyKey: string;
  companyName: string;
  industryKey: string;
  industryName: string;
  /** Place in the overall ranking; null when the company can't win (see `eligible`). */
  rank: number | null;
  industryRank: number | null;
  total: number | null;
  /** The headline area's score (KSP: Kundebehandleren). */
  headline: number | null;
  contacts: number;
  eligible: boolean;
  /** Score per channel key. */
  byChannel: Record<string, number | null>;
}

export interface NamedKey {
  key: string;
  name: string;
}

export interface ChannelWinner {
  channel: NamedKey;
  companyKey: string | null;
  companyName: string | null;
  score: number | null;
}

export interface ResultsData {
  editionKey: string;
  headlineName: string | null;
  rows: RankingRow[];
  industries: NamedKey[];
  channels: NamedKey[];
  bestOnChannel: ChannelWinner[];
}
