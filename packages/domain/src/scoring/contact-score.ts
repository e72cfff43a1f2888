import type { ChannelKey } from '../model/channel';
import type { CxMetric } from '../model/question';
import type { ContactOutcome } from './contact-outcome';

/**
 * Points of one area or performance in one contact. `earned/possible/percentage` count the scored
 * questions; the `shadow*` figures count every question as if scored (see docs/scoring.md).
 * Percentages are 0–100 at full precision, null when nothing was possible.
 */
export interface ContactPartScore {
  key: string;
  earned: number;
  possible: number;
  percentage: number | null;
  shadowEarned: number;
  shadowPossible: number;
  shadowPercentage: number | null;
}

export interface ContactAreaScore extends ContactPartScore {
  /** Only scored areas feed the contact total; the others are reported (shadow) only. */
  countsInTotal: boolean;
  zeroedByCritical: boolean;
}

export interface ContactPerformanceScore extends ContactPartScore {
  areaKey: string;
}

/** The CX answers of a contact: the chosen option's value per metric, null when not asked or not answered. */
export type CxValues = Record<CxMetric, number | null>;

/** The score of one contact (one evaluation). Areas and performances are in edition order. */
export interface ContactScore {
  evaluationId: string;
  companyKey: string;
  industryKey: string;
  channel: ChannelKey;
  /** How the contact ended under its channel's waiting rule (contactOutcome). */
  outcome: ContactOutcome;
  /** Whether the contact counts as answered (in time, or late where late answers count). */
  answered: boolean;
  /** 0–100; 0 for a contact that does not count as answered; null for an answered contact without any scorable question. */
  total: number | null;
  /** 'contact' when a critical answer zeroed the contact, 'area' when it zeroed one or more areas. */
  criticalEffect: 'area' | 'contact' | null;
  areas: ContactAreaScore[];
  performances: ContactPerformanceScore[];
  cx: CxValues;
}
