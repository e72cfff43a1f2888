import {
  AwardSnapshotFrozenError,
  type AwardSnapshotRecord,
  AwardSnapshotStateError,
  NotFoundError as DbNotFoundError,
  findAwardSnapshot,
  listAwardSnapshots,
  loadAwardRules,
  saveAwardRules,
  storeAwardSnapshot,
  VersionMismatchError,
} from '@ksp/db';
import {
  type AwardCategory,
  type AwardRules,
  type AwardSnapshot,
  awardCategories,
  DEFAULT_MIN_CONTACTS_PER_CHANNEL,
  diffAwardSnapshots,
  type SnapshotChange,
  type SnapshotDiff,
  type SnapshotRankingEntry,
} from '@ksp/domain';
import { audit } from '../audit';
import { builder } from '../builder';
import type { Context } from '../context';
import {
  ConflictError,
  NotFoundError,
  ReadOnlyEditionError,
  ValidationError,
  withApiErrors,
} from '../errors';
import { recordResultsPublished } from '../webhooks';
import { EditionStatusEnum } from './enums';
import { localeArgs, localizedIn, TranslationInput } from './localized-text';
import { directResultOf, resultOf } from './result-options';

const SnapshotEntryType = builder.objectRef<SnapshotRankingEntry>('AwardSnapshotEntry').implement({
  description: 'A company’s place in a frozen ranking.',
  fields: (t) => ({
    companyKey: t.exposeString('companyKey', { description: 'Company key.' }),
    name: t.exposeString('name', { description: 'Company name at the time.' }),
    industryKey: t.exposeString('industryKey', { description: 'Industry key.' }),
    position: t.exposeInt('position', {
      nullable: true,
      description:
        '1-based place; null when not eligible. Companies equal on every ranking rule share it (1, 1, 3) from snapshotVersion 2.',
    }),
    decidedByKeyOrder: t.boolean({
      nullable: true,
      description:
        'True when the place is shared: tied with a neighbour on every ranking rule, only key order lists one first (null in snapshots stored before snapshotVersion 2, which did not record ties).',
      resolve: (e) => e.decidedByKeyOrder ?? null,
    }),
    eligible: t.exposeBoolean('eligible', { description: 'Whether it could win.' }),
    total: t.exposeFloat('total', { nullable: true, description: 'Totalresultat (0–100).' }),
    answeredOnly: t.exposeFloat('answeredOnly', { nullable: true, description: 'Answered-only score.' }),
    headline: t.exposeFloat('headline', { nullable: true, description: 'Headline area score.' }),
    n: t.exposeInt('n', { description: 'Contacts.' }),
    nAnswered: t.int({
      nullable: true,
      description: 'Answered contacts, the fourth ranking rule (null in snapshots before snapshotVersion 2).',
      resolve: (e) => e.nAnswered ?? null,
    }),
  }),
});

type SnapshotIndustry = AwardSnapshotRecord['snapshot']['industries'][number];

const SnapshotIndustryType = builder.objectRef<SnapshotIndustry>('AwardSnapshotIndustry').implement({
  description: 'An industry’s frozen ranking and winner.',
  fields: (t) => ({
    industryKey: t.exposeString('industryKey', { description: 'Industry key.' }),
    winner: t.exposeString('winner', {
      nullable: true,
      description: 'The class winner’s company key (the first by key order on a shared first place).',
    }),
    winners: t.stringList({
      nullable: true,
      description:
        'Every company key at place 1, by key order (more than one = a shared first place; null in snapshots stored before snapshotVersion 2, which did not record ties).',
      resolve: (i) => i.winners ?? null,
    }),
    winnerDecidedByKeyOrder: t.boolean({
      nullable: true,
      description:
        'True when place 1 is shared, so only key order would make `winner` the single winner (null in snapshots stored before snapshotVersion 2, which did not record ties).',
      resolve: (i) => i.winnerDecidedByKeyOrder ?? null,
    }),
    winnerWithheld: t.exposeString('winnerWithheld', {
      nullable: true,
      description: 'Why there is no winner.',
    }),
    entries: t.field({ type: [SnapshotEntryType], description: 'The ranking.', resolve: (i) => i.entries }),
  }),
});

const SnapshotBestOnType = builder
  .objectRef<AwardSnapshotRecord['snapshot']['bestOnChannel'][number]>('AwardSnapshotBestOnChannel')
  .implement({
    description: '“Best på” a channel, frozen.',
    fields: (t) => ({
      channel: t.exposeString('channel', { description: 'Channel key.' }),
      winner: t.exposeString('winner', {
        nullable: true,
        description: 'The winner’s company key (the first by key order on a shared first place).',
      }),
      score: t.exposeFloat('score', { nullable: true, description: 'The winner’s channel score.' }),
      winners: t.stringList({
        nullable: true,
        description:
          'Every company key at place 1, by key order (more than one = a shared first place; null in snapshots stored before snapshotVersion 2, which did not record ties).',
        resolve: (b) => b.winners ?? null,
      }),
      winnerDecidedByKeyOrder: t.boolean({
        nullable: true,
        description:
          'True when place 1 is shared, so only key order would make `winner` the single winner (null in snapshots stored before snapshotVersion 2, which did not record ties).',
        resolve: (b) => b.winnerDecidedByKeyOrder ?? null,
      }),
    }),
  });

const AwardOutcomeType = builder.objectRef<AwardSnapshot['outcomes'][number]>('AwardOutcome').implement({
  description: 'One award as decided by the edition’s award rules (domain evaluateAwards).',
  fields: (t) => ({
    categoryKey: t.exposeString('categoryKey', { description: 'The award category.' }),
    kind: t.exposeString('kind', { description: 'classWinner, overall or bestOnChannel.' }),
    industryKey: t.exposeString('industryKey', {
      nullable: true,
      description: 'The industry (class winners).',
    }),
    channel: t.exposeString('channel', { nullable: true, description: 'The channel (best on).' }),
    winner: t.exposeString('winner', {
      nullable: true,
      description:
        'The winner’s company key (the first by key order on a shared first place: see `winners`).',
    }),
    winners: t.stringList({
      nullable: true,
      description:
        'Every company sharing place 1, by key order; empty when withheld (null in snapshots before snapshotVersion 2).',
      resolve: (o) => o.winners ?? null,
    }),
    decidedByKeyOrder: t.boolean({
      nullable: true,
      description:
        'True when place 1 is shared: tied on every rule, only key order would name a single winner (null in snapshots stored before snapshotVersion 2, which did not record ties).',
      resolve: (o) => o.decidedByKeyOrder ?? null,
    }),
    score: t.exposeFloat('score', { nullable: true, description: 'The winning score.' }),
    withheld: t.exposeString('withheld', { nullable: true, description: 'Why there is no winner.' }),
  }),
});

const AwardSnapshotType = builder.objectRef<AwardSnapshotRecord>('AwardSnapshot').implement({
  description:
    'One revision of an edition’s frozen award results: rankings, winners per industry, the overall winner, best per channel and the rules used. Never changes; a correction is a new revision.',
  fields: (t) => ({
    id: t.exposeString('id', { description: 'Database id.' }),
    editionKey: t.exposeString('editionKey', { description: 'The edition.' }),
    revision: t.exposeInt('revision', { description: '1 for the publication, then 2, 3, … per correction.' }),
    reason: t.exposeString('reason', {
      nullable: true,
      description: 'Why this revision exists (from revision 2).',
    }),
    rulesVersion: t.exposeString('rulesVersion', {
      description: 'The rules the numbers come from: `<edition>@<start of rulesHash>`.',
    }),
    rulesHash: t.exposeString('rulesHash', {
      description: 'sha256 of the edition’s scoring definition and rules.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was stored.' }),
    createdByEmail: t.string({
      nullable: true,
      description: 'Who stored it.',
      resolve: (s) => s.createdBy?.email ?? null,
    }),
    createdByName: t.string({
      nullable: true,
      description: 'Their name.',
      resolve: (s) => s.createdBy?.name ?? null,
    }),
    snapshotVersion: t.int({
      description:
        'The stored shape: 2 records shared places and winners decided only by key order; 1 (older) did not.',
      resolve: (s) => s.snapshot.snapshotVersion,
    }),
    overallWinner: t.string({
      nullable: true,
      description:
        'The overall winner’s company key (the first by key order on a shared first place: see `overallWinners`).',
      resolve: (s) => s.snapshot.winners.overall,
    }),
    overallWinners: t.stringList({
      nullable: true,
      description:
        'Every company at place 1 of the overall ranking, by key order (more than one = shared; null in snapshots stored before snapshotVersion 2, which did not record ties).',
      resolve: (s) => s.snapshot.overallWinners ?? null,
    }),
    overallWinnerDecidedByKeyOrder: t.boolean({
      nullable: true,
      description:
        'True when the overall first place is shared, so only key order would name `overallWinner` (null in snapshots stored before snapshotVersion 2, which did not record ties).',
      resolve: (s) => s.snapshot.overallWinnerDecidedByKeyOrder ?? null,
    }),
    overall: t.field({
      type: [SnapshotEntryType],
      description: 'The overall ranking.',
      resolve: (s) => s.snapshot.overall,
    }),
    industries: t.field({
      type: [SnapshotIndustryType],
      description: 'Per industry: ranking and class winner.',
      resolve: (s) => s.snapshot.industries,
    }),
    bestOnChannel: t.field({
      type: [SnapshotBestOnType],
      description: '“Best på” per channel.',
      resolve: (s) => s.snapshot.bestOnChannel,
    }),
    outcomes: t.field({
      type: [AwardOutcomeType],
      description: 'Every award category’s outcome.',
      resolve: (s) => s.snapshot.outcomes,
    }),
    payload: t.field({
      type: 'JSON',
      description: 'The whole stored snapshot as stored (domain AwardSnapshot, snapshotVersion 1 or 2).',
      resolve: (s) => s.snapshot,
    }),
  }),
});

const SnapshotChangeType = builder.objectRef<SnapshotChange>('AwardSnapshotChange').implement({
  description: 'One difference between two revisions (domain diffAwardSnapshots).',
  fields: (t) => ({
    kind: t.exposeString('kind', {
      description:
        'winnerChanged, sharedWinnersChanged (who shares a first place), positionChanged, scoreChanged, companyAdded, companyRemoved or rulesChanged.',
    }),
    award: t.string({
      nullable: true,
      description: 'winnerChanged, sharedWinnersChanged: `overall`, `industry:<key>` or `channel:<key>`.',
      resolve: (c) => ('award' in c ? c.award : null),
    }),
    ranking: t.string({
      nullable: true,
      description: '`overall` or `industry:<key>`.',
      resolve: (c) => ('ranking' in c ? c.ranking : null),
    }),
    companyKey: t.string({
      nullable: true,
      description: 'The company concerned.',
      resolve: (c) => ('companyKey' in c ? c.companyKey : null),
    }),
    what: t.string({
      nullable: true,
      description: 'rulesChanged: scoring, awards or rulesVersion.',
      resolve: (c) => ('what' in c ? c.what : null),
    }),
    before: t.field({
      type: 'JSON',
      nullable: true,
      description:
        'The earlier value (company key, position or total; sharedWinnersChanged: the list of company keys).',
      resolve: (c) => ('before' in c ? c.before : null),
    }),
    after: t.field({
      type: 'JSON',
      nullable: true,
      description: 'The later value.',
      resolve: (c) => ('after' in c ? c.after : null),
    }),
  }),
});

const SnapshotDiffType = builder.objectRef<SnapshotDiff>('AwardSnapshotDiff').implement({
  description: 'What changed between two revisions of an edition’s award results.',
  fields: (t) => ({
    editionKey: t.exposeString('editionKey', { description: 'The edition.' }),
    fromRevision: t.exposeInt('fromRevision', { description: 'The earlier revision.' }),
    toRevision: t.exposeInt('toRevision', { description: 'The later revision.' }),
    reason: t.exposeString('reason', { nullable: true, description: 'The later revision’s reason.' }),
    changes: t.field({ type: [SnapshotChangeType], description: 'Every change.', resolve: (d) => d.changes }),
  }),
});

const AwardCategoryType = builder.objectRef<AwardCategory>('AwardCategory').implement({
  description: 'An award given from the results.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable key.' }),
    kind: t.exposeString('kind', { description: 'classWinner, overall or bestOnChannel.' }),
    channel: t.exposeString('channel', {
      nullable: true,
      description: 'bestOnChannel: the channel; null = every channel.',
    }),
    name: t.string({
      args: localeArgs,
      nullable: true,
      description: 'Name in the wanted language.',
      resolve: (c, args) => (c.name ? localizedIn(c.name, args.locale) : null),
    }),
  }),
});

type EditionAwardRules = { editionKey: string; status: string; version: number; rules: AwardRules };

const EditionAwardRulesType = builder.objectRef<EditionAwardRules>('EditionAwardRules').implement({
  description:
    'An edition’s award rules as data: who can win, ties as in the rankings, and the categories given.',
  fields: (t) => ({
    editionKey: t.exposeString('editionKey', { description: 'The edition.' }),
    status: t.field({
      type: EditionStatusEnum,
      description: 'The edition’s status (rules change only in drafts).',
      resolve: (r) => r.status as 'draft' | 'published' | 'closed',
    }),
    version: t.exposeInt('version', { description: 'The edition’s version; send it with `setAwardRules`.' }),
    minContacts: t.int({
      description: 'Contacts a company needs to be ranked.',
      resolve: (r) => r.rules.minContacts,
    }),
    minTotal: t.float({
      description: 'Lowest Totalresultat that can win.',
      resolve: (r) => r.rules.minTotal,
    }),
    minCompaniesPerIndustry: t.int({
      description: 'Eligible companies an industry needs for a winner.',
      resolve: (r) => r.rules.minCompaniesPerIndustry,
    }),
    minContactsPerChannel: t.int({
      description: `Contacts on a channel needed for “Best på” it (default ${DEFAULT_MIN_CONTACTS_PER_CHANNEL}).`,
      resolve: (r) => r.rules.minContactsPerChannel,
    }),
    categoriesAreDefault: t.boolean({
      description:
        'True when the edition lists no categories (class winners, overall, best on every channel).',
      resolve: (r) => r.rules.categories === undefined,
    }),
    categories: t.field({
      type: [AwardCategoryType],
      description: 'The categories given (the defaults when none are listed).',
      resolve: (r) => [...awardCategories({ awards: r.rules })],
    }),
  }),
});

const AwardCategoryKindEnum = builder.enumType('AwardCategoryKind', {
  description: 'The kind of an award.',
  values: {
    classWinner: { description: 'The winner of each industry.' },
    overall: { description: 'The overall winner.' },
    bestOnChannel: { description: '“Best på” a channel (or every channel).' },
  } as const,
});

const AwardCategoryInput = builder.inputType('AwardCategoryInput', {
  description: 'An award category.',
  fields: (t) => ({
    key: t.string({ required: true, description: 'Stable key.' }),
    kind: t.field({ type: AwardCategoryKindEnum, required: true, description: 'What is awarded.' }),
    channel: t.string({ description: 'bestOnChannel: one channel; omitted = every channel.' }),
    name: t.field({ type: [TranslationInput], description: 'Name in one or more languages.' }),
  }),
});

const AwardRulesInput = builder.inputType('AwardRulesInput', {
  description: 'An edition’s award rules; checked by the domain’s schema.',
  fields: (t) => ({
    minContacts: t.int({ required: true, description: 'Contacts a company needs to be ranked (0 or more).' }),
    minTotal: t.float({ required: true, description: 'Lowest Totalresultat that can win (0–100).' }),
    minCompaniesPerIndustry: t.int({
      required: true,
      description: 'Eligible companies an industry needs (1 or more).',
    }),
    minContactsPerChannel: t.int({
      description: `Contacts on a channel for “Best på” it (1 or more); omitted = the default ${DEFAULT_MIN_CONTACTS_PER_CHANNEL}.`,
    }),
    categories: t.field({
      type: [AwardCategoryInput],
      description: 'The categories; omitted = class winners, overall and best on every channel.',
    }),
  }),
});

/** The snapshot layer's errors as typed API errors. */
function snapshotErrors(editionKey: string) {
  return (error: unknown): never => {
    if (error instanceof AwardSnapshotStateError)
      throw error.kind === 'alreadyPublished'
        ? new ConflictError(error.message)
        : new ValidationError([{ path: 'editionKey', message: error.message }], error.message);
    if (error instanceof AwardSnapshotFrozenError) throw new ConflictError(error.message);
    if (error instanceof DbNotFoundError) throw new NotFoundError('Edition', editionKey);
    throw error;
  };
}

async function freeze(
  context: Context,
  editionKey: string,
  kind: 'publish' | 'correct',
  reason: string | null,
) {
  return withApiErrors(async () => {
    const results = await context.services.results.get(editionKey).catch(snapshotErrors(editionKey));
    return storeAwardSnapshot(
      context.services.db,
      { editionKey, kind, reason, createdById: context.viewer?.userId ?? null, results },
      async (tx, record, editionId) => {
        await audit(tx, context, {
          action: kind === 'publish' ? 'results.publish' : 'results.correct',
          entityType: 'AwardSnapshot',
          entityId: `${editionKey}#${record.revision}`,
          editionId,
          after: {
            revision: record.revision,
            reason: record.reason,
            rulesVersion: record.rulesVersion,
            overallWinner: record.snapshot.winners.overall,
          },
        });
        await recordResultsPublished(tx, context, kind, record);
      },
    ).catch(snapshotErrors(editionKey));
  });
}

async function snapshotOrThrow(context: Context, editionKey: string, revision: number | null) {
  const record = await findAwardSnapshot(context.services.db, editionKey, revision);
  if (!record) throw new NotFoundError('Award snapshot', `${editionKey}#${revision ?? 'latest'}`);
  return record;
}

builder.queryFields((t) => ({
  awardSnapshots: t.field({
    type: [AwardSnapshotType],
    description: 'Every revision of an edition’s frozen award results, oldest first. Analysts and admins.',
    authScopes: { analyst: true },
    // An edition has a handful of revisions, not the default ten-fold list.
    complexity: { field: 1, multiplier: 3 },
    errors: resultOf('awardSnapshots', [NotFoundError]),
    args: { editionKey: t.arg.string({ required: true, description: 'The edition.' }) },
    resolve: (_root, args, context) =>
      withApiErrors(() =>
        listAwardSnapshots(context.services.db, args.editionKey).catch(snapshotErrors(args.editionKey)),
      ),
  }),
  awardSnapshot: t.field({
    type: AwardSnapshotType,
    description:
      'One revision of an edition’s frozen award results (the latest when no revision is given). Analysts and admins.',
    authScopes: { analyst: true },
    errors: directResultOf('awardSnapshot', [NotFoundError]),
    args: {
      editionKey: t.arg.string({ required: true, description: 'The edition.' }),
      revision: t.arg.int({ description: 'The revision; omitted = the latest.' }),
    },
    resolve: (_root, args, context) =>
      withApiErrors(() => snapshotOrThrow(context, args.editionKey, args.revision ?? null)),
  }),
  awardSnapshotDiff: t.field({
    type: SnapshotDiffType,
    description:
      'What changed between two revisions of an edition’s award results (domain diffAwardSnapshots). Analysts and admins.',
    authScopes: { analyst: true },
    errors: directResultOf('awardSnapshotDiff', [NotFoundError]),
    args: {
      editionKey: t.arg.string({ required: true, description: 'The edition.' }),
      fromRevision: t.arg.int({ required: true, description: 'The earlier revision.' }),
      toRevision: t.arg.int({ required: true, description: 'The later revision.' }),
    },
    resolve: (_root, args, context) =>
      withApiErrors(async () => {
        const [a, b] = await Promise.all([
          snapshotOrThrow(context, args.editionKey, args.fromRevision),
          snapshotOrThrow(context, args.editionKey, args.toRevision),
        ]);
        return diffAwardSnapshots(a.snapshot, b.snapshot);
      }),
  }),
  awardRules: t.field({
    type: EditionAwardRulesType,
    description: 'An edition’s award rules and categories. Analysts and admins.',
    authScopes: { analyst: true },
    errors: directResultOf('awardRules', [NotFoundError]),
    args: { editionKey: t.arg.string({ required: true, description: 'The edition.' }) },
    resolve: (_root, args, context) =>
      withApiErrors(async () => {
        const { rules, version, status } = await loadAwardRules(context.services.db, args.editionKey).catch(
          snapshotErrors(args.editionKey),
        );
        return { editionKey: args.editionKey, rules, version, status };
      }),
  }),
}));

builder.mutationFields((t) => ({
  publishResults: t.field({
    type: AwardSnapshotType,
    description:
      'Freezes a published or closed edition’s current results as revision 1 (rankings, winners, best per channel, rules version). Later data changes do not touch it. Audited. Admins.',
    authScopes: { admin: true },
    errors: directResultOf('publishResults', [NotFoundError, ValidationError, ConflictError]),
    args: { editionKey: t.arg.string({ required: true, description: 'The published or closed edition.' }) },
    resolve: (_root, args, context) => freeze(context, args.editionKey, 'publish', null),
  }),
  correctResults: t.field({
    type: AwardSnapshotType,
    description:
      'Stores the next revision of an edition’s award results, computed from the current data, with the reason for the correction. Earlier revisions stay as they were. Audited. Admins.',
    authScopes: { admin: true },
    errors: directResultOf('correctResults', [NotFoundError, ValidationError, ConflictError]),
    args: {
      editionKey: t.arg.string({ required: true, description: 'The edition whose results were published.' }),
      reason: t.arg.string({ required: true, description: 'Why the results are corrected (not empty).' }),
    },
    resolve: (_root, args, context) => freeze(context, args.editionKey, 'correct', args.reason),
  }),
  setAwardRules: t.field({
    type: EditionAwardRulesType,
    description:
      'Replaces a draft edition’s award rules (eligibility and categories), checked by the domain. Send the edition’s version. Audited. Admins.',
    authScopes: { admin: true },
    errors: directResultOf('setAwardRules', [
      NotFoundError,
      ValidationError,
      ConflictError,
      ReadOnlyEditionError,
    ]),
    args: {
      editionKey: t.arg.string({ required: true, description: 'The draft edition.' }),
      version: t.arg.int({ required: true, description: 'The edition’s version the change is based on.' }),
      input: t.arg({ type: AwardRulesInput, required: true, description: 'The new rules.' }),
    },
    resolve: (_root, args, context) =>
      withApiErrors(async () => {
        const { categories, minContactsPerChannel, ...limits } = args.input;
        const rules = {
          ...limits,
          ...(minContactsPerChannel != null ? { minContactsPerChannel } : {}),
          ...(categories
            ? {
                categories: categories.map((c) => ({
                  key: c.key,
                  kind: c.kind,
                  channel: c.channel ?? null,
                  ...(c.name ? { name: Object.fromEntries(c.name.map((n) => [n.locale, n.text])) } : {}),
                })),
              }
            : {}),
        };
        try {
          const saved = await saveAwardRules(
            context.services.db,
            args.editionKey,
            rules,
            args.version,
            (tx, change) =>
              audit(tx, context, {
                action: 'edition.setAwardRules',
                entityType: 'Edition',
                entityId: args.editionKey,
                editionId: change.editionId,
                before: change.before,
                after: change.after,
              }),
          );
          return { editionKey: args.editionKey, status: 'draft', ...saved };
        } catch (error) {
          if (error instanceof VersionMismatchError)
            throw new ConflictError(
              `The edition was changed by someone else (version ${error.currentVersion}, you sent ${error.sentVersion}). Reload and retry.`,
              error.currentVersion,
              error.current,
            );
          if (error instanceof DbNotFoundError) throw new NotFoundError('Edition', args.editionKey);
          throw error;
        }
      }),
  }),
}));
