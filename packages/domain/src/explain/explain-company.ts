import type { Evaluation } from '../model/evaluation';
import type { ChannelResult, CompanyInfo, CompanyResult } from '../scoring/company-result';
import { compareKeysAsc } from '../scoring/compare-keys';
import type { CompiledEdition } from '../scoring/compile-edition';
import { scoreCompanies } from '../scoring/score-companies';
import { type ContactExplanation, explainContact } from './explain-contact';
import type { ExplanationEffect } from './explanation-effect';

/** A contact as part of its company's result. */
export interface CompanyContactExplanation extends ContactExplanation {
  /**
   * What the contact adds to the company total: total / contacts with a total (equal weighting), or
   * channel weight / Σ weights × total / the channel's contacts with a total (channel weighting); 0 without a total.
   */
  contribution: number;
}

export interface ChannelExplanation extends ChannelResult {
  /** The channel's weight in the total (contactWeighting 'channel'); null when contacts weigh equally. */
  weight: number | null;
  /** What the channel adds to the company total: the sum of its contacts' contributions. */
  contribution: number;
  /** Contacts left out of the channel's mean because nothing could be scored (total null). */
  nWithoutScore: number;
  /** Contacts that do not count as answered (unanswered or answered too late), each counting 0 in `total`. */
  nUnanswered: number;
  /** Of those, the ones answered after the channel's maximum wait. */
  nAnsweredTooLate: number;
  /** Answered late on a channel whose late answers count (answered, 0 waiting points). */
  nLateAnswerCounted: number;
  /** Whether the channel feeds the company total (it has a total). */
  counted: boolean;
  effects: ExplanationEffect[];
}

export interface CompanyExplanation {
  company: CompanyResult;
  /** 'equal': total = Σ contact totals / contacts with a total; 'channel': Σ w·channel total / Σ w. */
  contactWeighting: 'equal' | 'channel';
  effects: ExplanationEffect[];
  channels: ChannelExplanation[];
  /** Every contact's explanation in evaluation-id order (the order the scorer sums them in). */
  contacts: CompanyContactExplanation[];
}

/**
 * The explanation of a company's result: its figures (the scorer's), per channel, and every contact's tree, with
 * what each channel and contact adds to the total (the contributions add up to it) and the rules as typed effects.
 */
export function explainCompany(
  compiled: CompiledEdition,
  evaluations: readonly Evaluation[],
  company: CompanyInfo,
): CompanyExplanation {
  const own = evaluations
    .filter((e) => e.companyKey === company.key)
    .sort((a, b) => compareKeysAsc(a.id, b.id));
  const [result] = scoreCompanies(compiled, own, [company]);
  if (!result) throw new Error(`no result for company "${company.key}"`);
  const explained = own.map((e) => explainContact(compiled, e));
  const byChannel = compiled.edition.scoring.contactWeighting === 'channel';
  const weightOf = (key: string) => (byChannel ? (compiled.channels.get(key)?.weight ?? 0) : null);
  const scoredContacts = explained.filter((c) => c.total !== null).length;
  const weightSum = result.channels
    .filter((c) => c.total !== null)
    .reduce((sum, c) => sum + (weightOf(c.key) ?? 0), 0);

  const contributionOf = (contact: ContactExplanation): number => {
    if (contact.total === null) return 0;
    if (!byChannel) return contact.total / scoredContacts;
    const onChannel = explained.filter((c) => c.channel === contact.channel && c.total !== null).length;
    return ((weightOf(contact.channel) ?? 0) / weightSum) * (contact.total / onChannel);
  };
  const contacts = explained.map((c) => ({ ...c, contribution: contributionOf(c) }));

  const channels = result.channels.map((channel): ChannelExplanation => {
    const on = contacts.filter((c) => c.channel === channel.key);
    const rule = compiled.edition.channels.find((c) => c.key === channel.key);
    const weight = weightOf(channel.key);
    const contribution = on.reduce((sum, c) => sum + c.contribution, 0);
    const count = (outcome: ContactExplanation['outcome']) => on.filter((c) => c.outcome === outcome).length;
    const figures = {
      weight,
      contribution,
      nWithoutScore: on.filter((c) => c.total === null).length,
      nUnanswered: on.filter((c) => !c.answered).length,
      nAnsweredTooLate: count('answeredTooLate'),
      nLateAnswerCounted: count('lateAnswerCounted'),
    };
    const effects: ExplanationEffect[] = [];
    if (weight !== null && channel.total !== null)
      effects.push({ code: 'CHANNEL_WEIGHT', weight, weightSum, contribution });
    const unanswered = count('unanswered');
    if (unanswered > 0) effects.push({ code: 'CHANNEL_UNANSWERED', count: unanswered });
    if (rule && figures.nAnsweredTooLate > 0)
      effects.push({
        code: 'CHANNEL_ANSWERED_TOO_LATE',
        count: figures.nAnsweredTooLate,
        maxWait: rule.maxWait,
        waitUnit: rule.waitUnit,
      });
    if (rule && figures.nLateAnswerCounted > 0)
      effects.push({
        code: 'CHANNEL_LATE_ANSWERS_COUNTED',
        count: figures.nLateAnswerCounted,
        maxWait: rule.maxWait,
        waitUnit: rule.waitUnit,
      });
    if (figures.nWithoutScore > 0)
      effects.push({ code: 'CHANNEL_WITHOUT_SCORE', count: figures.nWithoutScore });
    return { ...channel, ...figures, counted: channel.total !== null, effects };
  });

  const effects: ExplanationEffect[] = [
    byChannel
      ? { code: 'COMPANY_CHANNEL_WEIGHTED', weightSum }
      : { code: 'COMPANY_EQUAL', count: scoredContacts },
  ];
  if (result.criticalContacts > 0)
    effects.push({ code: 'CRITICAL_CONTACTS', count: result.criticalContacts });

  return {
    company: result,
    contactWeighting: compiled.edition.scoring.contactWeighting,
    effects,
    channels,
    contacts,
  };
}
