import type { ExplanationEffect, ExplanationEffectCode } from '@ksp/domain';
import { builder } from '../builder';
import { AreaCountingEnum, CriticalEffectEnum, WaitUnitEnum } from './enums';

// The domain's typed explanation effects (packages/domain/src/explain/explanation-effect.ts) as GraphQL: an enum of
// codes and one object with the parameters as optional fields, so a client switches on `code` and reads numbers.

/** Every code with its meaning; a Record over the domain's codes, so a new code cannot be left out. */
const CODES: Record<ExplanationEffectCode, string> = {
  NA_EXCLUDED: 'Question answered N/A: its `possible` points are left out of possible; it earns nothing.',
  NOT_ANSWERED: 'Optional question left unanswered: counts as not asked.',
  CONTACT_NOT_SCORED:
    'Question of a contact that counts as not answered (UNANSWERED or ANSWERED_TOO_LATE): nothing is scored.',
  WAITING_BAND:
    'Waiting-time question answered within the maximum wait: the first band with `waitingTime` ≤ `upTo` gives `points` of `maxPoints` (`waitUnit`).',
  LATE_ANSWER_COUNTED:
    'Contact and its waiting-time question: answered after the maximum wait (`waitingTime` > `maxWait`) on a channel whose late answers count (Messenger): answered, 0 waiting points.',
  BONUS: 'Bonus question: adds its `points` to earned, never to possible.',
  UNSCORED_QUESTION: 'Unscored question: reported in the shadow score only.',
  CRITICAL_QUESTION: 'Critical question: a 0-point answer would set the `scope` (area or contact) to 0.',
  CRITICAL_TRIGGERED: 'Critical question answered with 0 points: it set the `scope` (area or contact) to 0.',
  NOT_ASKED_ON_CHANNEL:
    'Performance: `count` of its questions are not asked on `channel`, so they add nothing to possible.',
  AREA_WEIGHT:
    'Area in a weighted total: `contribution` = `weight` × `percentage` / `weightSum` (Σ weights of the scored areas with something possible).',
  AREA_POINTS:
    'Area in a points total: `contribution` = 100 × `earned` / `possibleSum` (Σ possible of the scored areas).',
  SHADOW_ONLY_AREA:
    'Area outside the total (`counting` unscored or separateIndex): its shadow score shows it as if scored.',
  NOTHING_POSSIBLE: 'Scored area with nothing possible in this contact: left out of the total.',
  CRITICAL_ZEROED_AREA: 'A critical answer set the area to 0; its questions had `earned` points before.',
  CONTACT_WEIGHTED:
    'Contact total = Σ area weight × area percentage / `weightSum` over the scored areas with something possible.',
  CONTACT_POINTS: 'Contact total = 100 × Σ earned / `possibleSum` over the scored areas.',
  UNANSWERED: 'The contact was not answered: it counts 0 in Totalresultat.',
  ANSWERED_TOO_LATE:
    'The contact was answered after the channel’s maximum wait (`waitingTime` > `maxWait`): it counts as not answered and scores 0.',
  CRITICAL_ZEROED_CONTACT: 'A contact-critical answer set the whole contact to 0.',
  NOTHING_SCORABLE: 'Answered, but nothing could be scored: the contact is left out of the company’s means.',
  COMPANY_EQUAL:
    'Company total = mean of the `count` contact totals (unanswered contacts 0; contacts without a total left out).',
  COMPANY_CHANNEL_WEIGHTED:
    'Company total = Σ channel weight × channel total / `weightSum` over the channels with a total.',
  CRITICAL_CONTACTS: '`count` contacts were set to 0 by a contact-critical answer.',
  CHANNEL_WEIGHT: 'Channel share: `contribution` = `weight` × channel total / `weightSum`.',
  CHANNEL_UNANSWERED: '`count` contacts on the channel were not answered, each counting 0.',
  CHANNEL_ANSWERED_TOO_LATE:
    '`count` contacts on the channel were answered after the maximum wait (`maxWait`, `waitUnit`), each counting 0.',
  CHANNEL_LATE_ANSWERS_COUNTED:
    '`count` contacts were answered after the maximum wait (`maxWait`, `waitUnit`) where late answers count: answered, 0 waiting points.',
  CHANNEL_WITHOUT_SCORE: '`count` answered contacts had nothing to score: left out of the channel’s mean.',
  INELIGIBLE_TOO_FEW_CONTACTS: 'Cannot win: `count` contacts, fewer than the `minimum` required.',
  INELIGIBLE_NO_TOTAL: 'Cannot win: no Totalresultat.',
  INELIGIBLE_TOTAL_BELOW_MINIMUM: 'Cannot win: Totalresultat `total` is below the `minimum`.',
  TOP_OF_RANKING: 'First in the ranking: nobody ahead.',
  BEHIND_NEIGHBOUR:
    'Behind `companyKey`: the first ranking rule they differ on is `step`; `difference` = this company’s value − theirs.',
  AHEAD_OF_NEIGHBOUR:
    'Ahead of `companyKey`: the first ranking rule they differ on is `step`; `difference` = this company’s value − theirs.',
  SHARES_PLACE:
    'Equal to the neighbour `companyKey` on every ranking rule: the two share the place; key order only lists them.',
  WINNER_WITHHELD:
    'The industry has no winner: `count` eligible companies, fewer than the `minimum` required.',
};

export const ExplanationEffectCodeEnum = builder.enumType('ExplanationEffectCode', {
  description:
    'A rule that shaped a row of a score explanation. The parameters it uses are named in backticks; they are fields of `ExplanationEffect`.',
  values: Object.fromEntries(
    Object.entries(CODES).map(([code, description]) => [code, { description }]),
  ) as Record<ExplanationEffectCode, { description: string }>,
});

export const TieBreakStepEnum = builder.enumType('TieBreakStep', {
  description: 'A rule of the ranking order, in the order they are tried.',
  values: {
    total: { description: 'Totalresultat (higher first).' },
    answeredOnly: { description: 'Score for answered contacts (higher first).' },
    headline: { description: 'The headline area, Kundebehandleren (higher first).' },
    nAnswered: { description: 'Answered contacts (more first).' },
    companyKey: {
      description:
        'Equal on every other rule: the companies share the place; company key order (code units) only lists them.',
    },
  } as const,
});

type KeysOf<T> = T extends unknown ? keyof T : never;
type ValueOf<T, K extends PropertyKey> = T extends Record<K, infer V> ? V : never;
type ParamName = Exclude<KeysOf<ExplanationEffect>, 'code'>;
type ParamValue<K extends ParamName> = ValueOf<ExplanationEffect, K>;

/** A parameter of an effect, null when its code has none of that name. */
function param<K extends ParamName>(effect: ExplanationEffect, key: K): ParamValue<K> | null {
  return key in effect ? (effect as unknown as Record<K, ParamValue<K>>)[key] : null;
}

export const ExplanationEffectType = builder.objectRef<ExplanationEffect>('ExplanationEffect').implement({
  description:
    'A rule that shaped a row of a score explanation: a code and its numbers (never prose; clients word it). Only the parameters the code names are set, the others are null. Every number is the domain scorer’s.',
  fields: (t) => ({
    code: t.field({ type: ExplanationEffectCodeEnum, description: 'The rule.', resolve: (e) => e.code }),
    count: t.int({
      nullable: true,
      description:
        'Contacts, questions or companies counted (NOT_ASKED_ON_CHANNEL, COMPANY_EQUAL, CRITICAL_CONTACTS, CHANNEL_*, INELIGIBLE_TOO_FEW_CONTACTS, WINNER_WITHHELD).',
      resolve: (e) => param(e, 'count'),
    }),
    minimum: t.float({
      nullable: true,
      description: 'The award rule’s minimum (INELIGIBLE_*, WINNER_WITHHELD).',
      resolve: (e) => param(e, 'minimum'),
    }),
    total: t.float({
      nullable: true,
      description: 'Totalresultat (INELIGIBLE_TOTAL_BELOW_MINIMUM).',
      resolve: (e) => param(e, 'total'),
    }),
    channel: t.string({
      nullable: true,
      description: 'Channel key (NOT_ASKED_ON_CHANNEL).',
      resolve: (e) => param(e, 'channel'),
    }),
    companyKey: t.string({
      nullable: true,
      description: 'The neighbouring company (BEHIND_NEIGHBOUR, AHEAD_OF_NEIGHBOUR).',
      resolve: (e) => param(e, 'companyKey'),
    }),
    step: t.field({
      type: TieBreakStepEnum,
      nullable: true,
      description: 'The ranking rule that decided (BEHIND_NEIGHBOUR, AHEAD_OF_NEIGHBOUR).',
      resolve: (e) => param(e, 'step'),
    }),
    difference: t.float({
      nullable: true,
      description:
        'This company’s value minus the neighbour’s on `step` (companyKey: −1 / 1 by code-unit order).',
      resolve: (e) => param(e, 'difference'),
    }),
    waitingTime: t.float({
      nullable: true,
      description:
        'The contact’s waiting time in `waitUnit` (WAITING_BAND, LATE_ANSWER_COUNTED, ANSWERED_TOO_LATE).',
      resolve: (e) => param(e, 'waitingTime'),
    }),
    waitUnit: t.field({
      type: WaitUnitEnum,
      nullable: true,
      description: 'The channel’s unit of waiting time (waiting effects).',
      resolve: (e) => param(e, 'waitUnit'),
    }),
    maxWait: t.float({
      nullable: true,
      description:
        'The channel’s maximum wait (LATE_ANSWER_COUNTED, ANSWERED_TOO_LATE, CHANNEL_ANSWERED_TOO_LATE, CHANNEL_LATE_ANSWERS_COUNTED).',
      resolve: (e) => param(e, 'maxWait'),
    }),
    upTo: t.float({
      nullable: true,
      description: 'The limit of the waiting band that applied (WAITING_BAND).',
      resolve: (e) => param(e, 'upTo'),
    }),
    points: t.float({
      nullable: true,
      description: 'Points earned (WAITING_BAND, BONUS).',
      resolve: (e) => param(e, 'points'),
    }),
    maxPoints: t.float({
      nullable: true,
      description: 'The channel’s best band points (WAITING_BAND).',
      resolve: (e) => param(e, 'maxPoints'),
    }),
    possible: t.float({
      nullable: true,
      description: 'Possible points left out (NA_EXCLUDED).',
      resolve: (e) => param(e, 'possible'),
    }),
    earned: t.float({
      nullable: true,
      description:
        'Points earned (AREA_POINTS; CRITICAL_ZEROED_AREA: the points before the area was set to 0).',
      resolve: (e) => param(e, 'earned'),
    }),
    weight: t.float({
      nullable: true,
      description: 'Area or channel weight (AREA_WEIGHT, CHANNEL_WEIGHT).',
      resolve: (e) => param(e, 'weight'),
    }),
    weightSum: t.float({
      nullable: true,
      description:
        'Σ weights in the denominator (AREA_WEIGHT, CONTACT_WEIGHTED, CHANNEL_WEIGHT, COMPANY_CHANNEL_WEIGHTED).',
      resolve: (e) => param(e, 'weightSum'),
    }),
    possibleSum: t.float({
      nullable: true,
      description: 'Σ possible in the denominator (AREA_POINTS, CONTACT_POINTS).',
      resolve: (e) => param(e, 'possibleSum'),
    }),
    percentage: t.float({
      nullable: true,
      description: 'The area’s percentage, 0–100 (AREA_WEIGHT).',
      resolve: (e) => param(e, 'percentage'),
    }),
    contribution: t.float({
      nullable: true,
      description: 'What the row adds to its parent’s total (AREA_WEIGHT, AREA_POINTS, CHANNEL_WEIGHT).',
      resolve: (e) => param(e, 'contribution'),
    }),
    scope: t.field({
      type: CriticalEffectEnum,
      nullable: true,
      description: 'What a critical question sets to 0 (CRITICAL_QUESTION, CRITICAL_TRIGGERED).',
      resolve: (e) => param(e, 'scope'),
    }),
    counting: t.field({
      type: AreaCountingEnum,
      nullable: true,
      description: 'How the area counts (SHADOW_ONLY_AREA).',
      resolve: (e) => param(e, 'counting'),
    }),
  }),
});
