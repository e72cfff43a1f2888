import { NotFoundError as DbNotFoundError, listEditions, loadEdition } from '@ksp/db';
import {
  type ComparableTrend,
  comparableTrend,
  type EditionComparability,
  type EditionPoint,
  editionComparability,
  type ItemComparability,
  type TrendSubject,
  type YearOverYear,
  type YearOverYearOptions,
  type YearOverYearRow,
  yearOverYear,
} from '@ksp/domain';
import { builder } from '../builder';
import type { Context } from '../context';
import { NotFoundError, ValidationError, withApiErrors } from '../errors';
import { LineageMarkEnum } from './lineage';
import { directResultOf } from './result-options';

const TrendSubjectKindEnum = builder.enumType('TrendSubjectKind', {
  description: 'Whose figures a comparison is about.',
  values: {
    company: { description: 'One company.' },
    industry: { description: 'The average of one industry’s companies.' },
    overall: { description: 'The average of all measured companies.' },
  } as const,
});

const ComparedCompaniesEnum = builder.enumType('ComparedCompanies', {
  description: 'Which companies an average is taken over.',
  values: {
    both: { description: 'Like-for-like: only companies measured in both editions (the default).' },
    all: { description: 'Every measured company of each edition (`allCompanies: true`).' },
    one: { description: 'A single company.' },
  } as const,
});

const TrendMetricEnum = builder.enumType('TrendMetric', {
  description: 'Which figure a year-over-year row is about.',
  values: {
    total: { description: 'Totalresultat.' },
    answeredOnly: { description: 'Score for answered contacts only.' },
    headline: { description: 'The headline area (KSP: Kundebehandleren).' },
    area: { description: 'An area’s score (`key`).' },
    performance: { description: 'A performance’s score (`key`).' },
  } as const,
});

const YearOverYearRowType = builder.objectRef<YearOverYearRow>('YearOverYearRow').implement({
  description: 'One figure in two editions and its change (from the domain’s yearOverYear).',
  fields: (t) => ({
    metric: t.field({ type: TrendMetricEnum, description: 'Which figure.', resolve: (r) => r.metric }),
    key: t.exposeString('key', {
      nullable: true,
      description:
        'Area or performance key in the later edition; null for total, answered-only and headline.',
    }),
    baselineKey: t.exposeString('baselineKey', {
      nullable: true,
      description: 'The key the figure had in the earlier edition (null when it has no single predecessor).',
    }),
    current: t.exposeFloat('current', {
      nullable: true,
      description: 'The figure in the later edition (0–100).',
    }),
    baseline: t.exposeFloat('baseline', {
      nullable: true,
      description: 'The figure in the earlier edition.',
    }),
    delta: t.exposeFloat('delta', {
      nullable: true,
      description:
        'current − baseline; null when a side is missing, or when not comparable and `includeNonComparable` is off.',
    }),
    comparable: t.exposeBoolean('comparable', {
      description: 'Whether the figure compares like-for-like (lineage marks and rule changes).',
    }),
    reasons: t.exposeStringList('reasons', { description: 'Why it is not comparable (empty when it is).' }),
  }),
});

type SubjectOf<T> = T & { subject: TrendSubject };
const subjectKind = (s: { subject: TrendSubject }) => s.subject.kind;
const subjectKey = (s: { subject: TrendSubject }) =>
  s.subject.kind === 'company'
    ? s.subject.companyKey
    : s.subject.kind === 'industry'
      ? s.subject.industryKey
      : null;

const YearOverYearType = builder.objectRef<SubjectOf<YearOverYear>>('YearOverYear').implement({
  description:
    'Year-over-year deltas between two editions for a company, an industry or all companies, by default only on figures that compare like-for-like and (for averages) on companies present in both editions.',
  fields: (t) => ({
    fromKey: t.exposeString('fromKey', { description: 'The earlier (baseline) edition.' }),
    toKey: t.exposeString('toKey', { description: 'The later edition.' }),
    subjectKind: t.field({ type: TrendSubjectKindEnum, description: 'Whose figures.', resolve: subjectKind }),
    subjectKey: t.string({
      nullable: true,
      description: 'The company or industry key; null for overall.',
      resolve: subjectKey,
    }),
    companies: t.field({
      type: ComparedCompaniesEnum,
      description: 'Which companies the averages are over.',
      resolve: (y) => y.companies,
    }),
    nBaseline: t.exposeInt('nBaseline', { description: 'Companies behind the baseline figures.' }),
    nCurrent: t.exposeInt('nCurrent', { description: 'Companies behind the current figures.' }),
    rows: t.field({
      type: [YearOverYearRowType],
      description:
        'Every figure: total, answered-only, headline, each area and performance of the later edition.',
      resolve: (y) => y.rows,
    }),
    excluded: t.field({
      type: [YearOverYearRowType],
      description:
        'The rows left out of the deltas because they are not comparable (empty with includeNonComparable).',
      resolve: (y) => y.excluded,
    }),
  }),
});

const TrendTotalType = builder.objectRef<ComparableTrend['totals'][number]>('TrendTotal').implement({
  description: 'The subject’s Totalresultat in one edition as published (all its measured companies).',
  fields: (t) => ({
    editionKey: t.exposeString('editionKey', { description: 'The edition.' }),
    total: t.exposeFloat('total', { nullable: true, description: 'Totalresultat (0–100).' }),
    n: t.exposeInt('n', { description: 'Companies behind it.' }),
  }),
});

const ComparableTrendType = builder.objectRef<ComparableTrend>('ComparableTrend').implement({
  description:
    'A subject’s figures over several editions: each edition as scored, and the comparable step to the next.',
  fields: (t) => ({
    subjectKind: t.field({ type: TrendSubjectKindEnum, description: 'Whose figures.', resolve: subjectKind }),
    subjectKey: t.string({
      nullable: true,
      description: 'The company or industry key; null for overall.',
      resolve: subjectKey,
    }),
    editionKeys: t.exposeStringList('editionKeys', { description: 'The editions, oldest first.' }),
    totals: t.field({
      type: [TrendTotalType],
      description: 'Totalresultat per edition as published.',
      resolve: (c) => c.totals,
    }),
    steps: t.field({
      type: [YearOverYearType],
      description: 'Year-over-year deltas between consecutive editions.',
      resolve: (c) => c.steps,
    }),
  }),
});

const ComparabilityVerdictType = builder
  .objectRef<{ comparable: boolean; reasons: string[] }>('ComparabilityVerdict')
  .implement({
    description: 'Whether a figure compares like-for-like, and why not.',
    fields: (t) => ({
      comparable: t.exposeBoolean('comparable', { description: 'Like-for-like.' }),
      reasons: t.exposeStringList('reasons', { description: 'Why not (empty when comparable).' }),
    }),
  });

const ItemComparabilityType = builder.objectRef<ItemComparability>('ItemComparability').implement({
  description:
    'An area or performance of the later edition and whether its score compares with its predecessor’s.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Key in the later edition.' }),
    predecessorKey: t.exposeString('predecessorKey', {
      nullable: true,
      description: 'Key in the earlier edition (null for a new item or several predecessors).',
    }),
    mark: t.field({ type: LineageMarkEnum, description: 'Its lineage mark.', resolve: (i) => i.mark }),
    comparable: t.exposeBoolean('comparable', { description: 'Whether its score is like-for-like.' }),
    reasons: t.exposeStringList('reasons', { description: 'Why not (empty when comparable).' }),
  }),
});

const EditionComparabilityType = builder.objectRef<EditionComparability>('EditionComparability').implement({
  description:
    'Which figures of an edition compare like-for-like with an earlier one (the domain’s editionComparability).',
  fields: (t) => ({
    fromKey: t.exposeString('fromKey', { description: 'The earlier edition.' }),
    toKey: t.exposeString('toKey', { description: 'The later edition.' }),
    total: t.field({
      type: ComparabilityVerdictType,
      description: 'Totalresultat and answered-only.',
      resolve: (c) => c.total,
    }),
    headline: t.field({
      type: ComparabilityVerdictType,
      description: 'The headline area.',
      resolve: (c) => c.headline,
    }),
    areas: t.field({
      type: [ItemComparabilityType],
      description: 'Every area of the later edition.',
      resolve: (c) => Object.values(c.areas),
    }),
    performances: t.field({
      type: [ItemComparabilityType],
      description: 'Every performance of the later edition.',
      resolve: (c) => Object.values(c.performances),
    }),
    retiredAreas: t.stringList({
      description: 'Areas of the earlier edition that are gone.',
      resolve: (c) => c.retired.areas,
    }),
    retiredPerformances: t.stringList({
      description: 'Performances of the earlier edition that are gone.',
      resolve: (c) => c.retired.performances,
    }),
    retiredQuestions: t.stringList({
      description: 'Questions of the earlier edition that are gone.',
      resolve: (c) => c.retired.questions,
    }),
  }),
});

/** The edition `editionKey` was derived from; NotFoundError when it has none. */
async function baselineKeyOf(context: Context, editionKey: string, given: string | null | undefined) {
  if (given) return given;
  const edition = await context.services.db.prisma.edition.findUnique({
    where: { key: editionKey },
    select: { derivedFrom: { select: { key: true } } },
  });
  if (!edition) throw new NotFoundError('Edition', editionKey);
  if (!edition.derivedFrom) throw new NotFoundError('Previous edition of', editionKey);
  return edition.derivedFrom.key;
}

/** A missing edition, reported by its key rather than the data layer's message. */
export const editionNotFound =
  (key: string) =>
  (error: unknown): never => {
    throw error instanceof DbNotFoundError ? new NotFoundError('Edition', key) : error;
  };

async function editionPoint(context: Context, key: string): Promise<EditionPoint> {
  const [edition, results] = await Promise.all([
    loadEdition(context.services.db, key).catch(editionNotFound(key)),
    context.services.results.get(key).catch(editionNotFound(key)),
  ]);
  return { edition, results };
}

/** `companyKey` / `industryKey` / neither (overall) → the domain's subject; the key must occur in some edition’s results. */
function subjectOf(
  args: { companyKey?: string | null; industryKey?: string | null },
  points: EditionPoint[],
) {
  if (args.companyKey && args.industryKey)
    throw new ValidationError([{ path: 'companyKey', message: 'give a company or an industry, not both' }]);
  if (args.companyKey) {
    if (!points.some((p) => p.results.companies.some((c) => c.companyKey === args.companyKey)))
      throw new NotFoundError('Company result', args.companyKey);
    return { kind: 'company', companyKey: args.companyKey } satisfies TrendSubject;
  }
  if (args.industryKey) {
    if (!points.some((p) => p.results.industries.some((i) => i.industryKey === args.industryKey)))
      throw new NotFoundError('Industry result', args.industryKey);
    return { kind: 'industry', industryKey: args.industryKey } satisfies TrendSubject;
  }
  return { kind: 'overall' } satisfies TrendSubject;
}

const comparisonArgs = builder.args((t) => ({
  companyKey: t.string({ description: 'A company’s figures.' }),
  industryKey: t.string({ description: 'An industry’s average (neither key: all companies).' }),
  includeNonComparable: t.boolean({
    required: true,
    defaultValue: false,
    description:
      'Also give deltas of figures that are not like-for-like (still flagged `comparable: false`).',
  }),
  allCompanies: t.boolean({
    required: true,
    defaultValue: false,
    description: 'Averages over every measured company instead of those present in both editions.',
  }),
}));

const optionsOf = (args: { includeNonComparable: boolean; allCompanies: boolean }): YearOverYearOptions => ({
  includeAll: args.includeNonComparable,
  companies: args.allCompanies ? 'all' : 'both',
});

builder.queryFields((t) => ({
  yearOverYear: t.field({
    type: YearOverYearType,
    description:
      'Year-over-year deltas for a company, an industry or overall, computed by the domain: comparable figures only unless asked, like-for-like companies unless asked. Analysts and admins.',
    authScopes: { analyst: true },
    errors: directResultOf('yearOverYear', [NotFoundError, ValidationError]),
    args: {
      editionKey: t.arg.string({ required: true, description: 'The later edition.' }),
      baselineEditionKey: t.arg.string({
        description: 'The earlier edition; default: the one `editionKey` was derived from.',
      }),
      ...comparisonArgs,
    },
    resolve: (_root, args, context) =>
      withApiErrors(async () => {
        const baselineKey = await baselineKeyOf(context, args.editionKey, args.baselineEditionKey);
        const [baseline, current] = await Promise.all([
          editionPoint(context, baselineKey),
          editionPoint(context, args.editionKey),
        ]);
        const subject = subjectOf(args, [baseline, current]);
        return yearOverYear(baseline, current, subject, optionsOf(args));
      }),
  }),
  comparableTrend: t.field({
    type: ComparableTrendType,
    description:
      'A company’s, an industry’s or the overall trend over editions: totals as published and comparable year-over-year steps (domain comparableTrend). Analysts and admins.',
    authScopes: { analyst: true },
    errors: directResultOf('comparableTrend', [NotFoundError, ValidationError]),
    args: {
      editionKeys: t.arg.stringList({
        description: 'The editions, oldest first; default: every published and closed edition by year.',
      }),
      ...comparisonArgs,
    },
    resolve: (_root, args, context) =>
      withApiErrors(async () => {
        const keys =
          args.editionKeys ??
          (await listEditions(context.services.db))
            .filter((e) => e.status !== 'draft')
            .sort((a, b) => a.year - b.year || a.key.localeCompare(b.key))
            .map((e) => e.key);
        if (keys.length === 0)
          throw new ValidationError([{ path: 'editionKeys', message: 'give at least one edition' }]);
        const points = await Promise.all(keys.map((key) => editionPoint(context, key)));
        return comparableTrend(points, subjectOf(args, points), optionsOf(args));
      }),
  }),
  editionComparability: t.field({
    type: EditionComparabilityType,
    description:
      'Which areas, performances and totals of an edition compare like-for-like with an earlier one (stored lineage, admin marks included). Analysts and admins.',
    authScopes: { analyst: true },
    errors: directResultOf('editionComparability', [NotFoundError]),
    args: {
      editionKey: t.arg.string({ required: true, description: 'The later edition.' }),
      baselineEditionKey: t.arg.string({
        description: 'The earlier edition; default: the one `editionKey` was derived from.',
      }),
    },
    resolve: (_root, args, context) =>
      withApiErrors(async () => {
        const baselineKey = await baselineKeyOf(context, args.editionKey, args.baselineEditionKey);
        const load = (key: string) => loadEdition(context.services.db, key).catch(editionNotFound(key));
        const [from, to] = await Promise.all([load(baselineKey), load(args.editionKey)]);
        return editionComparability(from, to);
      }),
  }),
}));
