import type { Evaluation } from '../model/evaluation';
import type { ChannelResult, CompanyInfo, CompanyResult } from '../scoring/company-result';
import { compareKeysAsc } from '../scoring/compare-keys';
import type { CompiledEdition } from '../scoring/compile-edition';
import { scoreCompanies } from '../scoring/score-companies';
import { type ContactExplanation, explainContact } from './explain-contact';

export interface ChannelExplanation extends ChannelResult {
  /** The channel's weight in the total (contactWeighting 'channel'); null when contacts weigh equally. */
  weight: number | null;
  /** Contacts left out of the channel's mean because nothing could be scored (total null). */
  nWithoutScore: number;
  /** Unanswered contacts, each counting 0 in `total`. */
  nUnanswered: number;
}

export interface CompanyExplanation {
  company: CompanyResult;
  /** 'equal': total = Σ contact totals / contacts with a total; 'channel': Σ w·channel total / Σ w. */
  contactWeighting: 'equal' | 'channel';
  channels: ChannelExplanation[];
  /** Every contact's explanation in evaluation-id order (the order the scorer sums them in). */
  contacts: ContactExplanation[];
}

/** The explanation of a company's result: its figures (the scorer's), per channel, and every contact's tree. */
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
  const contacts = own.map((e) => explainContact(compiled, e));
  const byChannel = compiled.edition.scoring.contactWeighting === 'channel';
  return {
    company: result,
    contactWeighting: compiled.edition.scoring.contactWeighting,
    channels: result.channels.map((channel) => {
      const on = contacts.filter((c) => c.channel === channel.key);
      return {
        ...channel,
        weight: byChannel ? (compiled.channels.get(channel.key)?.weight ?? 0) : null,
        nWithoutScore: on.filter((c) => c.total === null).length,
        nUnanswered: on.filter((c) => !c.answered).length,
      };
    }),
    contacts,
  };
}
