/** One score line on the company page; `changes` lists why it isn't like-for-like with last year. */
export interface ScoreLine {
  key: string;
  name: string;
  score: number | null;
  industryAverage: number | null;
  changes: string[];
}

export interface TrendPoint {
  editionKey: string;
  year: number;
  total: number | null;
  headline: number | null;
  industryAverage: number | null;
  /** False when the definition changed in a way that affects scores since the previous edition. */
  likeForLike: boolean;
}

export interface CompanyData {
  editionKey: string;
  companyKey: string;
  companyName: string;
  industryName: string;
  rank: number | null;
  industryRank: number | null;
  /** Whether a place is shared (equal on every ranking rule with another company); absent = not shared. */
  rankShared?: boolean;
  industryRankShared?: boolean;
  total: number | null;
  headline: number | null;
  headlineName: string | null;
  contacts: number;
  areas: ScoreLine[];
  performances: Array<ScoreLine & { areaName: string }>;
  channels: Array<ScoreLine & { contacts: number }>;
  cx: Array<{ metric: string; value: number | null; industryAverage: number | null }>;
  trend: TrendPoint[];
}
