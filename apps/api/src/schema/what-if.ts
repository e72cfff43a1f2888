import { listParticipants, loadEdition, loadEvaluations } from '@ksp/db';
import {
  compareWhatIf,
  computeEditionResults,
  type EditionResults,
  type RescoreReport,
  rescoreUnderRules,
  type WhatIfCompanyRow,
  type WhatIfComparison,
} from '@ksp/domain';
import { builder } from '../builder';
import { NotFoundError, withApiErrors } from '../errors';
import { heavyWork } from '../heavy-work';
import { directResultOf } from './result-options';
import { editionNotFound } from './year-over-year';

const WhatIfCompanyType = builder.objectRef<WhatIfCompanyRow>('WhatIfCompany').implement({
  description:
    'A company’s Totalresultat as scored beside the what-if result, and its overall position in both.',
  fields: (t) => ({
    companyKey: t.exposeString('companyKey', { description: 'Company key.' }),
    name: t.exposeString('name', { description: 'Company name.' }),
    industryKey: t.exposeString('industryKey', { description: 'The industry it competed in.' }),
    asScored: t.exposeFloat('asScored', { nullable: true, description: 'Totalresultat as scored (0–100).' }),
    whatIf: t.exposeFloat('whatIf', { nullable: true, description: 'Totalresultat under the other rules.' }),
    delta: t.exposeFloat('delta', { nullable: true, description: 'whatIf − asScored.' }),
    positionAsScored: t.exposeInt('positionAsScored', {
      nullable: true,
      description: 'Overall position as scored (null when not eligible).',
    }),
    positionWhatIf: t.exposeInt('positionWhatIf', {
      nullable: true,
      description: 'Overall position under the other rules.',
    }),
    positionChange: t.exposeInt('positionChange', {
      nullable: true,
      description: 'Places gained under the other rules (positive = up); null unless ranked in both.',
    }),
  }),
});

const WinnerPairType = builder
  .objectRef<{ industryKey?: string; asScored: string | null; whatIf: string | null }>('WhatIfWinner')
  .implement({
    description: 'Who won as scored and who would win under the other rules.',
    fields: (t) => ({
      industryKey: t.string({
        nullable: true,
        description: 'The industry; null for the overall winner.',
        resolve: (w) => w.industryKey ?? null,
      }),
      asScored: t.exposeString('asScored', {
        nullable: true,
        description: 'Winner as scored (company key).',
      }),
      whatIf: t.exposeString('whatIf', { nullable: true, description: 'Winner under the other rules.' }),
      changed: t.boolean({
        description: 'Whether the winner differs.',
        resolve: (w) => w.asScored !== w.whatIf,
      }),
    }),
  });

const DroppedOptionType = builder
  .objectRef<RescoreReport['optionsDropped'][number]>('WhatIfDroppedOption')
  .implement({
    description: 'Answers dropped because the rules edition does not know the option.',
    fields: (t) => ({
      questionKey: t.exposeString('questionKey', { description: 'The question.' }),
      optionKey: t.exposeString('optionKey', { description: 'The unknown option.' }),
      count: t.exposeInt('count', { description: 'How many answers.' }),
    }),
  });

const WhatIfReportType = builder.objectRef<RescoreReport>('WhatIfReport').implement({
  description:
    'What could not be carried over to the rules edition, so nobody mistakes the what-if for the real result.',
  fields: (t) => ({
    questionsDropped: t.exposeStringList('questionsDropped', {
      description:
        'Questions answered in the edition that the rules edition lacks (their answers are dropped).',
    }),
    questionsNotAsked: t.exposeStringList('questionsNotAsked', {
      description: 'Questions of the rules edition the edition never asked (they count as not asked).',
    }),
    optionsDropped: t.field({
      type: [DroppedOptionType],
      description: 'Answers with options the rules edition does not know.',
      resolve: (r) => r.optionsDropped,
    }),
    evaluationsDropped: t.int({
      description: 'Evaluations on channels the rules edition does not have (left out).',
      resolve: (r) => r.evaluationsDropped.length,
    }),
  }),
});

type WhatIfResult = WhatIfComparison & { rulesEditionKey: string; report: RescoreReport };

/** What-if comparisons by the source's results (one object per data version) and the rules edition. */
const whatIfCache = new WeakMap<
  EditionResults,
  Map<string, { rules: EditionResults; result: Promise<WhatIfResult> }>
>();

const WhatIfType = builder.objectRef<WhatIfResult>('WhatIf').implement({
  description:
    'An edition’s evaluations re-scored under another edition’s rules (domain rescoreUnderRules + compareWhatIf), beside the result as scored. Nothing is stored.',
  fields: (t) => ({
    editionKey: t.exposeString('editionKey', {
      description: 'The edition whose evaluations were re-scored.',
    }),
    rulesEditionKey: t.exposeString('rulesEditionKey', { description: 'The edition whose rules were used.' }),
    companies: t.field({
      type: [WhatIfCompanyType],
      description: 'Every company, by key.',
      resolve: (w) => w.companies,
    }),
    overallWinner: t.field({
      type: WinnerPairType,
      description: 'The overall winner in both.',
      resolve: (w) => w.overallWinner,
    }),
    industryWinners: t.field({
      type: [WinnerPairType],
      description: 'Each industry’s winner in both.',
      resolve: (w) => w.industryWinners,
    }),
    report: t.field({
      type: WhatIfReportType,
      description: 'What was not carried over.',
      resolve: (w) => w.report,
    }),
  }),
});

builder.queryField('whatIf', (t) =>
  t.field({
    type: WhatIfType,
    description:
      'Scores an edition’s evaluations under another edition’s rules (points, weights, scored/unscored, waiting bands, critical/bonus, award rules) and puts the result beside the one as scored. Nothing is stored. Example: KSP23 under KSP24’s rules. Analysts and admins.',
    authScopes: { analyst: true },
    errors: directResultOf('whatIf', [NotFoundError]),
    args: {
      editionKey: t.arg.string({
        required: true,
        description: 'The edition whose evaluations are re-scored.',
      }),
      rulesFromEditionKey: t.arg.string({ required: true, description: 'The edition whose rules are used.' }),
    },
    resolve: (_root, args, context) =>
      withApiErrors(async () => {
        const { db, results } = context.services;
        // Both editions' results come from the results cache, one object per data version: the comparison is
        // kept as long as both are the same objects (no evaluation, participant or definition changed).
        const [asScored, rulesResults] = await Promise.all([
          results.get(args.editionKey).catch(editionNotFound(args.editionKey)),
          results.get(args.rulesFromEditionKey).catch(editionNotFound(args.rulesFromEditionKey)),
        ]);
        const cached = whatIfCache.get(asScored)?.get(args.rulesFromEditionKey);
        if (cached?.rules === rulesResults) return cached.result;
        const result = heavyWork(async () => {
          const [source, rules, evaluations, participants] = await Promise.all([
            loadEdition(db, args.editionKey),
            loadEdition(db, args.rulesFromEditionKey),
            loadEvaluations(db, args.editionKey),
            listParticipants(db, args.editionKey),
          ]);
          const rescored = rescoreUnderRules(evaluations, source, rules, participants);
          // "As scored" from the same answers by the same engine as the what-if side (equal to the stored
          // results up to the order of floating-point sums), so that an edition under its own rules changes by
          // exactly nothing.
          return {
            ...compareWhatIf(computeEditionResults(source, evaluations, participants), rescored.results),
            rulesEditionKey: rules.key,
            report: rescored.report,
          };
        });
        const byRules = whatIfCache.get(asScored) ?? new Map();
        byRules.set(args.rulesFromEditionKey, { rules: rulesResults, result });
        whatIfCache.set(asScored, byRules);
        result.catch(() => byRules.delete(args.rulesFromEditionKey));
        return result;
      }),
  }),
);
