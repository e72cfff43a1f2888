import type { AwardRulesInput } from '../../generated/gql/graphql';
import type { MessageKey } from '../../i18n/nb';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** One change between two revisions as the API lists it (domain diffAwardSnapshots). */
export interface SnapshotChange {
  kind: string;
  award?: string | null;
  ranking?: string | null;
  companyKey?: string | null;
  what?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Names for the sentences: companies, industries and channels by key. */
export interface AwardNames {
  company: (key: string) => string;
  industry: (key: string) => string;
  channel: (key: string) => string;
}

const show = (value: unknown, names: AwardNames, isCompany: boolean): string => {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') return String(Math.round(value * 10) / 10);
  if (typeof value === 'string') return isCompany ? names.company(value) : value;
  return JSON.stringify(value);
};

/** `overall`, `industry:<key>` or `channel:<key>` in words. */
export function awardName(award: string | null | undefined, names: AwardNames, t: T): string {
  if (!award || award === 'overall') return t('awards.overall');
  const [kind, key = ''] = award.split(':');
  if (kind === 'industry') return t('awards.classOf', { industry: names.industry(key) });
  if (kind === 'channel') return t('awards.bestOn', { channel: names.channel(key) });
  return award;
}

/** A readable sentence for one change between revisions. */
export function changeSentence(change: SnapshotChange, names: AwardNames, t: T): string {
  const company = change.companyKey ? names.company(change.companyKey) : '';
  const ranking = awardName(change.ranking, names, t);
  switch (change.kind) {
    case 'winnerChanged':
      return t('awards.change.winner', {
        award: awardName(change.award, names, t),
        before: show(change.before, names, true),
        after: show(change.after, names, true),
      });
    case 'sharedWinnersChanged': {
      const list = (value: unknown) =>
        Array.isArray(value) && value.length > 0
          ? value.map((key) => names.company(String(key))).join(', ')
          : '–';
      return t('ties.change.shared', {
        award: awardName(change.award, names, t),
        before: list(change.before),
        after: list(change.after),
      });
    }
    case 'positionChanged':
      return t('awards.change.position', {
        company,
        ranking,
        before: show(change.before, names, false),
        after: show(change.after, names, false),
      });
    case 'scoreChanged':
      return t('awards.change.score', {
        company,
        before: show(change.before, names, false),
        after: show(change.after, names, false),
      });
    case 'companyAdded':
      return t('awards.change.added', { company, ranking });
    case 'companyRemoved':
      return t('awards.change.removed', { company, ranking });
    case 'rulesChanged':
      return t('awards.change.rules', { what: change.what ?? '' });
    default:
      return `${change.kind} ${company}`.trim();
  }
}

export interface RulesForm {
  minContacts: string;
  minTotal: string;
  minCompaniesPerIndustry: string;
  minContactsPerChannel: string;
}

export interface RulesCategory {
  key: string;
  kind: string;
  channel?: string | null;
  nameNb?: string | null;
  nameEn?: string | null;
}

/** Problems in the form, by field; empty when it can be sent (the API's domain check comes after). */
export function rulesFormErrors(form: RulesForm, t: T): Partial<Record<keyof RulesForm, string>> {
  const errors: Partial<Record<keyof RulesForm, string>> = {};
  const whole = (value: string, min: number) => /^\d+$/.test(value.trim()) && Number(value) >= min;
  if (!whole(form.minContacts, 0)) errors.minContacts = t('awards.rules.wholeNumber', { min: 0 });
  if (!whole(form.minCompaniesPerIndustry, 1))
    errors.minCompaniesPerIndustry = t('awards.rules.wholeNumber', { min: 1 });
  if (!whole(form.minContactsPerChannel, 1))
    errors.minContactsPerChannel = t('awards.rules.wholeNumber', { min: 1 });
  const total = Number(form.minTotal.replace(',', '.'));
  if (form.minTotal.trim() === '' || Number.isNaN(total) || total < 0 || total > 100)
    errors.minTotal = t('awards.rules.percent');
  return errors;
}

/** The mutation input: the form's limits and the categories as they are (left out when the defaults apply). */
export function rulesInput(
  form: RulesForm,
  categories: readonly RulesCategory[],
  categoriesAreDefault: boolean,
): AwardRulesInput {
  return {
    minContacts: Number(form.minContacts),
    minTotal: Number(form.minTotal.replace(',', '.')),
    minCompaniesPerIndustry: Number(form.minCompaniesPerIndustry),
    minContactsPerChannel: Number(form.minContactsPerChannel),
    ...(categoriesAreDefault
      ? {}
      : {
          categories: categories.map((c) => ({
            key: c.key,
            kind: c.kind as 'classWinner' | 'overall' | 'bestOnChannel',
            channel: c.channel ?? null,
            name: [
              ...(c.nameNb ? [{ locale: 'nb' as const, text: c.nameNb }] : []),
              ...(c.nameEn ? [{ locale: 'en' as const, text: c.nameEn }] : []),
            ],
          })),
        }),
  };
}
