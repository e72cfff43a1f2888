import type { AreaCounting } from '../model/area';
import type { WaitUnit } from '../model/channel';

/** Which node of an explanation a rule was applied to. */
export type ExplanationLevel =
  | 'company'
  | 'channel'
  | 'contact'
  | 'area'
  | 'performance'
  | 'question'
  | 'rankingPosition';

/** The ranking rule that put one company before another (docs/scoring.md, "Rankings and awards"). */
export type TieBreakStep = 'total' | 'answeredOnly' | 'headline' | 'nAnswered' | 'companyKey';

/** What a critical question sets to 0. */
export type CriticalScope = 'area' | 'contact';

interface Waiting {
  /** The contact's waiting time, in `waitUnit`. */
  waitingTime: number;
  waitUnit: WaitUnit;
}

/**
 * A rule that shaped one node of an explanation, as a code and its numbers (never prose): clients word it in
 * their own language. Every figure is the domain's own; parameters only repeat or break them down.
 */
export type ExplanationEffect =
  // Questions
  /** Answered N/A: the question's `possible` points are left out of possible (and it earns nothing). */
  | { code: 'NA_EXCLUDED'; possible: number }
  /** An optional question left unanswered: counts as not asked. */
  | { code: 'NOT_ANSWERED' }
  /** The contact counts as not answered (UNANSWERED or ANSWERED_TOO_LATE): none of its questions is scored. */
  | { code: 'CONTACT_NOT_SCORED' }
  /** Waiting time within the channel's maximum: the first band with `waitingTime ≤ upTo` gives `points` of `maxPoints`. */
  | ({ code: 'WAITING_BAND'; upTo: number; points: number; maxPoints: number } & Waiting)
  /** Answered after the maximum wait on a channel whose late answers count (Messenger): answered, 0 waiting points. On the contact and its waiting-time question. */
  | ({ code: 'LATE_ANSWER_COUNTED'; maxWait: number } & Waiting)
  /** A bonus question: adds its `points` to earned, never to possible. */
  | { code: 'BONUS'; points: number }
  /** An unscored question: reported in the shadow score only. */
  | { code: 'UNSCORED_QUESTION' }
  /** A critical question: a 0-point answer would set the `scope` (area or contact) to 0. */
  | { code: 'CRITICAL_QUESTION'; scope: CriticalScope }
  /** This critical question got a 0-point answer: it set the `scope` (area or contact) to 0. */
  | { code: 'CRITICAL_TRIGGERED'; scope: CriticalScope }
  // Performances
  /** `count` of the performance's questions are not asked on `channel`: they add nothing to possible. */
  | { code: 'NOT_ASKED_ON_CHANNEL'; channel: string; count: number }
  // Areas
  /** Weighted areas: contribution = weight × percentage / weightSum (Σ weights of the scored areas with something possible). */
  | { code: 'AREA_WEIGHT'; weight: number; weightSum: number; percentage: number; contribution: number }
  /** Points: contribution = 100 × earned / possibleSum (Σ possible of the scored areas). */
  | { code: 'AREA_POINTS'; earned: number; possibleSum: number; contribution: number }
  /** Not in the total (`counting` unscored or separateIndex): its shadow score shows it as if scored. */
  | { code: 'SHADOW_ONLY_AREA'; counting: Exclude<AreaCounting, 'scored'> }
  /** A scored area with nothing possible in this contact: left out of the total. */
  | { code: 'NOTHING_POSSIBLE' }
  /** A critical answer set this area to 0; its questions had `earned` points before. */
  | { code: 'CRITICAL_ZEROED_AREA'; earned: number }
  // Contacts
  /** total = Σ weight × area percentage / weightSum over the scored areas with something possible. */
  | { code: 'CONTACT_WEIGHTED'; weightSum: number }
  /** total = 100 × Σ earned / possibleSum over the scored areas. */
  | { code: 'CONTACT_POINTS'; possibleSum: number }
  /** Not answered at all: the contact counts 0 in Totalresultat. */
  | { code: 'UNANSWERED' }
  /** Answered after the channel's maximum wait (`maxWait`): counts as not answered, the contact scores 0. */
  | ({ code: 'ANSWERED_TOO_LATE'; maxWait: number } & Waiting)
  /** A contact-critical answer set the whole contact to 0. */
  | { code: 'CRITICAL_ZEROED_CONTACT' }
  /** Answered, but nothing could be scored: left out of the company's means. */
  | { code: 'NOTHING_SCORABLE' }
  // Companies and channels
  /** Contacts weigh equally: total = mean of the `count` contact totals (unanswered 0; contacts without a total left out). */
  | { code: 'COMPANY_EQUAL'; count: number }
  /** Channels weigh: total = Σ channel weight × channel total / weightSum (channels with a total). */
  | { code: 'COMPANY_CHANNEL_WEIGHTED'; weightSum: number }
  /** `count` contacts were set to 0 by a contact-critical answer. */
  | { code: 'CRITICAL_CONTACTS'; count: number }
  /** The channel's share: contribution = weight × channel total / weightSum. */
  | { code: 'CHANNEL_WEIGHT'; weight: number; weightSum: number; contribution: number }
  /** `count` contacts on the channel were not answered, each counting 0. */
  | { code: 'CHANNEL_UNANSWERED'; count: number }
  /** `count` contacts were answered after the maximum wait, each counting 0. */
  | { code: 'CHANNEL_ANSWERED_TOO_LATE'; count: number; maxWait: number; waitUnit: WaitUnit }
  /** `count` contacts were answered late where late answers count: answered, 0 waiting points. */
  | { code: 'CHANNEL_LATE_ANSWERS_COUNTED'; count: number; maxWait: number; waitUnit: WaitUnit }
  /** `count` answered contacts had nothing to score: left out of the channel's mean. */
  | { code: 'CHANNEL_WITHOUT_SCORE'; count: number }
  // Ranking positions
  /** Not eligible: `count` contacts, fewer than the `minimum` required. */
  | { code: 'INELIGIBLE_TOO_FEW_CONTACTS'; count: number; minimum: number }
  /** Not eligible: no Totalresultat. */
  | { code: 'INELIGIBLE_NO_TOTAL' }
  /** Not eligible: Totalresultat `total` is below the `minimum`. */
  | { code: 'INELIGIBLE_TOTAL_BELOW_MINIMUM'; total: number; minimum: number }
  /** First in the ranking: nobody ahead. */
  | { code: 'TOP_OF_RANKING' }
  /** Behind `companyKey`: the first rule they differ on is `step`; `difference` = this company's value − theirs. */
  | { code: 'BEHIND_NEIGHBOUR'; companyKey: string; step: TieBreakStep; difference: number }
  /** Ahead of `companyKey`: the first rule they differ on is `step`; `difference` = this company's value − theirs. */
  | { code: 'AHEAD_OF_NEIGHBOUR'; companyKey: string; step: TieBreakStep; difference: number }
  /** Equal to the neighbour `companyKey` on every ranking rule: the two share the place (key order only lists them). */
  | { code: 'SHARES_PLACE'; companyKey: string }
  /** The industry has no winner: `count` eligible companies, fewer than the `minimum` required. */
  | { code: 'WINNER_WITHHELD'; count: number; minimum: number };

export type ExplanationEffectCode = ExplanationEffect['code'];

/** The effect of one code, by code. */
export type EffectOf<C extends ExplanationEffectCode> = Extract<ExplanationEffect, { code: C }>;

/**
 * Every effect code and the nodes that carry it. A Record, so the compiler checks that the list is complete: a
 * new code must be added here, and so in the API enum and the apps' messages that are built from this list.
 */
export const EXPLANATION_EFFECT_LEVELS: Readonly<Record<ExplanationEffectCode, readonly ExplanationLevel[]>> =
  {
    NA_EXCLUDED: ['question'],
    NOT_ANSWERED: ['question'],
    CONTACT_NOT_SCORED: ['question'],
    WAITING_BAND: ['question'],
    LATE_ANSWER_COUNTED: ['question', 'contact'],
    BONUS: ['question'],
    UNSCORED_QUESTION: ['question'],
    CRITICAL_QUESTION: ['question'],
    CRITICAL_TRIGGERED: ['question'],
    NOT_ASKED_ON_CHANNEL: ['performance'],
    AREA_WEIGHT: ['area'],
    AREA_POINTS: ['area'],
    SHADOW_ONLY_AREA: ['area'],
    NOTHING_POSSIBLE: ['area'],
    CRITICAL_ZEROED_AREA: ['area'],
    CONTACT_WEIGHTED: ['contact'],
    CONTACT_POINTS: ['contact'],
    UNANSWERED: ['contact'],
    ANSWERED_TOO_LATE: ['contact'],
    CRITICAL_ZEROED_CONTACT: ['contact'],
    NOTHING_SCORABLE: ['contact'],
    COMPANY_EQUAL: ['company'],
    COMPANY_CHANNEL_WEIGHTED: ['company'],
    CRITICAL_CONTACTS: ['company'],
    CHANNEL_WEIGHT: ['channel'],
    CHANNEL_UNANSWERED: ['channel'],
    CHANNEL_ANSWERED_TOO_LATE: ['channel'],
    CHANNEL_LATE_ANSWERS_COUNTED: ['channel'],
    CHANNEL_WITHOUT_SCORE: ['channel'],
    INELIGIBLE_TOO_FEW_CONTACTS: ['rankingPosition'],
    INELIGIBLE_NO_TOTAL: ['rankingPosition'],
    INELIGIBLE_TOTAL_BELOW_MINIMUM: ['rankingPosition'],
    TOP_OF_RANKING: ['rankingPosition'],
    BEHIND_NEIGHBOUR: ['rankingPosition'],
    AHEAD_OF_NEIGHBOUR: ['rankingPosition'],
    SHARES_PLACE: ['rankingPosition'],
    WINNER_WITHHELD: ['rankingPosition'],
  };

/** Every effect code, in the order above. */
export const EXPLANATION_EFFECT_CODES = Object.keys(EXPLANATION_EFFECT_LEVELS) as ExplanationEffectCode[];
