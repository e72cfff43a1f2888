import { loadEdition } from '@ksp/db';
import {
  companyDeltasAcrossEditions,
  companyDeltasToIndustry,
  type DefinitionChange,
  type DeltaReason,
  diffEditions,
  type EditionDiff,
  industryDeltas,
  type ResultDelta,
} from '@ksp/domain';
import { builder } from '../builder';
import type { Context } from '../context';
import { NotFoundError, withApiErrors } from '../errors';
import { localeArgs, localizedIn } from './localized-text';
import { directResultOf, resultOf } from './result-options';

const DefinitionChangeType = builder.objectRef<DefinitionChange>('DefinitionChange').implement({
  description: 'One difference between two editions’ definitions, matched by stable keys.',
  fields: (t) => ({
    level: t.exposeString('level', {
      description: 'edition, channel, area, performance, question or option.',
    }),
    kind: t.exposeString('kind', {
      description: 'added, removed, renamed, moved, pointsChanged, … (see the domain docs).',
    }),
    key: t.exposeString('key', { description: 'Stable key of the changed item.' }),
    path: t.exposeString('path', { description: 'Where it sits, e.g. `area/performance/question`.' }),
    areaKey: t.exposeString('areaKey', { nullable: true, description: 'Its area.' }),
    performanceKey: t.exposeString('performanceKey', { nullable: true, description: 'Its performance.' }),
    before: t.field({
      type: 'JSON',
      nullable: true,
      description: 'The old value.',
      resolve: (c) => c.before ?? null,
    }),
    after: t.field({
      type: 'JSON',
      nullable: true,
      description: 'The new value.',
      resolve: (c) => c.after ?? null,
    }),
    summary: t.string({
      args: localeArgs,
      description: 'A short sentence for people.',
      resolve: (c, a) => localizedIn(c.summary, a.locale),
    }),
    affectsScores: t.exposeBoolean('affectsScores', {
      description: 'Scores of this item are not like-for-like.',
    }),
    affectsTotal: t.boolean({
      description: 'Totalresultat is not like-for-like.',
      resolve: (c) => c.affectsTotal ?? c.affectsScores,
    }),
  }),
});

const EditionDiffType = builder.objectRef<EditionDiff>('EditionDiff').implement({
  description: 'What changed from one edition to another.',
  fields: (t) => ({
    fromKey: t.exposeString('fromKey', { description: 'The older edition.' }),
    toKey: t.exposeString('toKey', { description: 'The newer edition.' }),
    changes: t.field({
      type: [DefinitionChangeType],
      description: 'Every change.',
      resolve: (d) => d.changes,
    }),
  }),
});

const DeltaReasonType = builder.objectRef<DeltaReason>('DeltaReason').implement({
  description: 'A definition change that makes a delta not like-for-like.',
  fields: (t) => ({
    level: t.exposeString('level', { description: 'Level of the change.' }),
    kind: t.exposeString('kind', { description: 'Kind of the change.' }),
    key: t.exposeString('key', { description: 'Key of the changed item.' }),
    path: t.exposeString('path', { description: 'Where it sits.' }),
    summary: t.string({
      args: localeArgs,
      description: 'A short sentence for people.',
      resolve: (r, a) => localizedIn(r.summary, a.locale),
    }),
  }),
});

const ResultDeltaType = builder.objectRef<ResultDelta>('ResultDelta').implement({
  description: 'current − baseline for one figure.',
  fields: (t) => ({
    metric: t.exposeString('metric', {
      description: 'total, answeredOnly, headline, area, performance, channel or cx.',
    }),
    key: t.exposeString('key', {
      nullable: true,
      description: 'Area, performance or channel key, or the CX metric.',
    }),
    current: t.exposeFloat('current', { nullable: true, description: 'The figure now.' }),
    baseline: t.exposeFloat('baseline', { nullable: true, description: 'The figure compared with.' }),
    delta: t.exposeFloat('delta', { nullable: true, description: 'current − baseline.' }),
    comparable: t.exposeBoolean('comparable', { description: 'False when the definition changed under it.' }),
    reasons: t.field({
      type: [DeltaReasonType],
      description: 'Why it is not comparable.',
      resolve: (d) => d.reasons,
    }),
  }),
});

const CompanyBaselineEnum = builder.enumType('CompanyBaseline', {
  description: 'What a company is compared with.',
  values: {
    PREVIOUS_EDITION: { description: 'The same company in the edition this one derives from.' },
    INDUSTRY_AVERAGE: { description: 'The average of its industry in the same edition.' },
  } as const,
});

async function previousEditionKey(context: Context, editionKey: string): Promise<string> {
  const edition = await context.services.db.prisma.edition.findUnique({
    where: { key: editionKey },
    select: { derivedFrom: { select: { key: true } } },
  });
  if (!edition) throw new NotFoundError('Edition', editionKey);
  if (!edition.derivedFrom) throw new NotFoundError('Previous edition of', editionKey);
  return edition.derivedFrom.key;
}

builder.queryFields((t) => ({
  editionDiff: t.field({
    type: EditionDiffType,
    description: 'The definition changes from one edition to another. Analysts and admins.',
    authScopes: { analyst: true },
    errors: directResultOf('editionDiff', [NotFoundError]),
    args: {
      fromKey: t.arg.string({ required: true, description: 'The older edition.' }),
      toKey: t.arg.string({ required: true, description: 'The newer edition.' }),
    },
    resolve: (_root, args, context) =>
      withApiErrors(async () => {
        const [from, to] = await Promise.all([
          loadEdition(context.services.db, args.fromKey),
          loadEdition(context.services.db, args.toKey),
        ]);
        return diffEditions(from, to);
      }),
  }),
  companyComparison: t.field({
    type: [ResultDeltaType],
    description:
      'A company’s figures against the previous edition or its industry’s average. Analysts and admins.',
    authScopes: { analyst: true },
    errors: resultOf('companyComparison', [NotFoundError]),
    args: {
      companyKey: t.arg.string({ required: true, description: 'The company.' }),
      editionKey: t.arg.string({ required: true, description: 'The edition.' }),
      against: t.arg({ type: CompanyBaselineEnum, required: true, description: 'The baseline.' }),
    },
    resolve: (_root, args, context) =>
      withApiErrors(async () => {
        const { results, db } = context.services;
        const current = await results.get(args.editionKey);
        if (!current.companies.some((c) => c.companyKey === args.companyKey))
          throw new NotFoundError('Company result', args.companyKey);
        if (args.against === 'INDUSTRY_AVERAGE') return companyDeltasToIndustry(current, args.companyKey);
        const previousKey = await previousEditionKey(context, args.editionKey);
        const baseline = await results.get(previousKey);
        if (!baseline.companies.some((c) => c.companyKey === args.companyKey))
          throw new NotFoundError(`Company result in ${previousKey}`, args.companyKey);
        const diff = diffEditions(await loadEdition(db, previousKey), await loadEdition(db, args.editionKey));
        return companyDeltasAcrossEditions(current, baseline, args.companyKey, diff);
      }),
  }),
  industryComparison: t.field({
    type: [ResultDeltaType],
    description:
      'An industry’s average figures against the same industry in the previous edition. Analysts and admins.',
    authScopes: { analyst: true },
    errors: resultOf('industryComparison', [NotFoundError]),
    args: {
      industryKey: t.arg.string({ required: true, description: 'The industry.' }),
      editionKey: t.arg.string({ required: true, description: 'The edition.' }),
    },
    resolve: (_root, args, context) =>
      withApiErrors(async () => {
        const { results, db } = context.services;
        const current = await results.get(args.editionKey);
        const previousKey = await previousEditionKey(context, args.editionKey);
        const baseline = await results.get(previousKey);
        for (const [r, key] of [
          [current, args.editionKey],
          [baseline, previousKey],
        ] as const) {
          if (!r.industries.some((i) => i.industryKey === args.industryKey))
            throw new NotFoundError(`Industry in ${key}`, args.industryKey);
        }
        const diff = diffEditions(await loadEdition(db, previousKey), await loadEdition(db, args.editionKey));
        return industryDeltas(current, args.industryKey, baseline, args.industryKey, diff);
      }),
  }),
}));
