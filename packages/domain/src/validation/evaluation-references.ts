import type { ChannelKey } from '../model/channel';

/** What an edition's participant list says about one company: the industry it competes in and its channels. */
export interface ContactParticipation {
  companyKey: string;
  /** The industry (class) the company competes in this edition. */
  industryKey: string;
  /** The channels the company is measured on this edition; null = every channel of the edition. */
  channels: readonly ChannelKey[] | null;
}

/** A role play as an evaluation may name it: the channel and industry it is written for (null = any). */
export interface EvaluationRolePlay {
  key: string;
  channelKey: ChannelKey | null;
  industryKey: string | null;
}

/**
 * What an evaluation is checked against besides its edition: the records only the database knows. Every path
 * that writes or previews an evaluation (observer form, mutations, imports) builds one of these and hands it to
 * validateEvaluation, so they all judge alike.
 */
export interface EvaluationReferences {
  /** A company's participation: undefined when no company has the key, null when it does not take part. */
  participation(companyKey: string): ContactParticipation | null | undefined;
  /** The edition's role play with this key, or undefined. */
  rolePlay(key: string): EvaluationRolePlay | undefined;
  /** Whether a user has this e-mail (observers are named by e-mail); absent = the caller sets the observer itself. */
  observerExists?: (email: string) => boolean;
}

export interface EvaluationReferenceLists {
  participants: readonly ContactParticipation[];
  /** Keys of companies that exist but do not take part (to tell "not taking part" from "unknown"). */
  otherCompanyKeys?: readonly string[];
  rolePlays: readonly EvaluationRolePlay[];
  /** Known observers' e-mails; absent = not checked. */
  observerEmails?: readonly string[];
}

/** References from plain lists (what a client or an import has loaded). */
export function evaluationReferences(lists: EvaluationReferenceLists): EvaluationReferences {
  const participants = new Map(lists.participants.map((p) => [p.companyKey, p]));
  const others = new Set(lists.otherCompanyKeys ?? []);
  const rolePlays = new Map(lists.rolePlays.map((r) => [r.key, r]));
  const observers = lists.observerEmails && new Set(lists.observerEmails.map((e) => e.toLowerCase()));
  return {
    participation: (key) => participants.get(key) ?? (others.has(key) ? null : undefined),
    rolePlay: (key) => rolePlays.get(key),
    ...(observers && { observerExists: (email: string) => observers.has(email.toLowerCase()) }),
  };
}
