import { type LineageItem, loadEditionLineage, saveLineageMark, VersionMismatchError } from '@ksp/db';
import { type LineageLevel, type LineageMark, lineageMarkSchema } from '@ksp/domain';
import { audit } from '../audit';
import { builder } from '../builder';
import { ConflictError, NotFoundError, ValidationError, withApiErrors } from '../errors';
import { localeArgs, localizedIn } from './localized-text';
import { directResultOf } from './result-options';

/** The domain's marks plus `retired`, which the listing gives to items the edition dropped. */
type ListedMark = LineageMark | 'retired';

export const LineageMarkEnum = builder.enumType('LineageMark', {
  description: 'How an item relates to its predecessor in the edition it was derived from.',
  values: {
    identical: { description: 'Unchanged.' },
    reworded: { description: 'Only its texts changed; scores compare like-for-like.' },
    rescaled: { description: 'Options, points, weights or what it holds changed: not comparable.' },
    moved: { description: 'Now in another area or performance.' },
    split: { description: 'One item became two (e.g. Svar- og ventetid out of Mottak og velkomst in 2021).' },
    merged: { description: 'Two items became one.' },
    new: { description: 'No predecessor.' },
    retired: { description: 'In the predecessor, absent from this edition (only in `retired` lists).' },
  } as const,
});

export const LineageLevelEnum = builder.enumType('LineageLevel', {
  description: 'The level of a definition item with lineage.',
  values: {
    area: { description: 'An area.' },
    performance: { description: 'A performance.' },
    question: { description: 'A question.' },
  } as const,
});

const LineageSourceEnum = builder.enumType('LineageSource', {
  description: 'Who set a lineage mark.',
  values: {
    derivation: { description: 'Computed when the edition was derived or edited.' },
    admin: { description: 'Set by an admin; kept when lineage is recomputed.' },
  } as const,
});

const LEVEL_TYPE: Record<LineageLevel, string> = {
  area: 'Area',
  performance: 'Performance',
  question: 'Question',
};

type ListedItem = Omit<LineageItem, 'version'> & { version: number | null; mark: ListedMark | null };

const LineageItemType = builder.objectRef<ListedItem>('LineageItem').implement({
  description: 'An area, performance or question with its link to the edition before.',
  fields: (t) => ({
    level: t.field({
      type: LineageLevelEnum,
      description: 'area, performance or question.',
      resolve: (i) => i.level,
    }),
    key: t.exposeString('key', {
      description: 'Stable key in this edition (in the predecessor for retired items).',
    }),
    areaKey: t.exposeString('areaKey', { nullable: true, description: 'The area it sits in.' }),
    performanceKey: t.exposeString('performanceKey', {
      nullable: true,
      description: 'The performance it sits in (questions).',
    }),
    name: t.string({
      args: localeArgs,
      description: 'Name (area, performance) or text (question) in the wanted language.',
      resolve: (i, args) => localizedIn(i.name, args.locale),
    }),
    mark: t.field({
      type: LineageMarkEnum,
      nullable: true,
      description: 'The mark; null when the edition records no lineage for the item.',
      resolve: (i) => i.mark,
    }),
    predecessorKeys: t.stringList({
      description: 'Keys (same level) in the predecessor edition; empty for a new item.',
      resolve: (i) => i.lineage?.predecessorKeys ?? [],
    }),
    markSetBy: t.field({
      type: LineageSourceEnum,
      nullable: true,
      description: 'derivation or admin; null without lineage and for retired items.',
      resolve: (i) => i.lineage?.markSetBy ?? null,
    }),
    version: t.exposeInt('version', {
      nullable: true,
      description: 'The item’s version, to send with `setLineageMark`; null for retired items.',
    }),
  }),
});

type EditionLineageResult = Awaited<ReturnType<typeof loadEditionLineage>>;

const listed = (item: LineageItem): ListedItem => ({ ...item, mark: item.lineage?.mark ?? null });

const EditionLineageType = builder.objectRef<EditionLineageResult>('EditionLineage').implement({
  description:
    'Every item of an edition with its predecessor link and mark, and what the predecessor had that it dropped.',
  fields: (t) => ({
    editionKey: t.string({ description: 'The edition.', resolve: (l) => l.edition.key }),
    predecessorEditionKey: t.string({
      nullable: true,
      description:
        'The edition it was derived from, when stored. (KSP21’s lineage points at the reconstructed KSP20, which is not stored: null.)',
      resolve: (l) => l.predecessor?.key ?? null,
    }),
    items: t.field({
      type: [LineageItemType],
      description:
        'Areas, performances and questions in survey order (each area, then its performances with their questions).',
      args: { level: t.arg({ type: LineageLevelEnum, description: 'Only items of this level.' }) },
      resolve: (l, args) => l.items.filter((i) => !args.level || i.level === args.level).map(listed),
    }),
    retired: t.field({
      type: [LineageItemType],
      description: 'Items of the predecessor this edition no longer has (mark `retired`).',
      resolve: (l) =>
        l.retired.map((r) => ({
          ...r,
          areaKey: null,
          performanceKey: null,
          lineage: null,
          mark: 'retired' as const,
          version: null,
        })),
    }),
  }),
});

builder.queryField('editionLineage', (t) =>
  t.field({
    type: EditionLineageType,
    description:
      'The lineage of every item of an edition (predecessor links and marks). Analysts and admins.',
    authScopes: { analyst: true },
    errors: directResultOf('editionLineage', [NotFoundError]),
    args: { editionKey: t.arg.string({ required: true, description: 'The edition.' }) },
    resolve: (_root, args, context) =>
      withApiErrors(() => loadEditionLineage(context.services.db, args.editionKey)),
  }),
);

builder.mutationField('setLineageMark', (t) =>
  t.field({
    type: LineageItemType,
    description:
      'Sets the lineage mark (and optionally the predecessors) of one item, checked by the domain. Allowed in every edition status: lineage decides comparability, not scores. The mark is kept when lineage is recomputed. Send the item’s version. Audited. Admins.',
    authScopes: { admin: true },
    errors: directResultOf('setLineageMark', [NotFoundError, ConflictError, ValidationError]),
    args: {
      editionKey: t.arg.string({ required: true, description: 'The edition.' }),
      level: t.arg({ type: LineageLevelEnum, required: true, description: 'The item’s level.' }),
      key: t.arg.string({ required: true, description: 'The item’s key.' }),
      mark: t.arg({ type: LineageMarkEnum, required: true, description: 'The new mark (not `retired`).' }),
      predecessorKeys: t.arg.stringList({
        description: 'Its predecessors’ keys; omitted = keep the current ones (none for `new`).',
      }),
      version: t.arg.int({ required: true, description: 'The item’s version the change is based on.' }),
    },
    resolve: async (_root, args, context) => {
      const mark = lineageMarkSchema.safeParse(args.mark);
      if (!mark.success)
        throw new ValidationError([
          { path: 'mark', message: 'a retired item is absent from the edition; it cannot be marked' },
        ]);
      const level = args.level as LineageLevel;
      try {
        const item = await withApiErrors(() =>
          saveLineageMark(
            context.services.db,
            {
              editionKey: args.editionKey,
              edit: {
                level,
                key: args.key,
                mark: mark.data,
                ...(args.predecessorKeys ? { predecessorKeys: args.predecessorKeys } : {}),
              },
              version: args.version,
            },
            (tx, change) =>
              audit(tx, context, {
                action: 'lineage.setMark',
                entityType: LEVEL_TYPE[level],
                entityId: `${args.editionKey}/${args.key}`,
                editionId: change.editionId,
                before: change.before.lineage,
                after: change.after.lineage,
              }),
          ),
        );
        return listed(item);
      } catch (error) {
        if (error instanceof VersionMismatchError)
          throw new ConflictError(
            `The ${level} was changed by someone else (version ${error.currentVersion}, you sent ${error.sentVersion}). Reload and retry.`,
            error.currentVersion,
            error.current,
          );
        if (error instanceof NotFoundError && error.resource === 'Record')
          throw error.key.startsWith('edition ')
            ? new NotFoundError('Edition', args.editionKey)
            : new NotFoundError(LEVEL_TYPE[level], `${args.editionKey}/${args.key}`);
        throw error;
      }
    },
  }),
);
