import { createEmptyEdition, DraftEditsRefusedError, saveDraftEdits } from '@ksp/db';
import {
  type DraftEdit,
  type DraftEditProblem,
  definitionIssuesFromZod,
  draftEditSchema,
  type ItemRef,
  LOCALIZED_TEXT_FIELDS,
  type LocalizedText,
  type TextPatch,
} from '@ksp/domain';
import { audit } from '../../audit';
import { builder } from '../../builder';
import {
  ConflictError,
  type DefinitionChangeProblem,
  DefinitionChangesRefusedError,
  NotFoundError,
  ReadOnlyEditionError,
  ValidationError,
  withApiErrors,
} from '../../errors';
import { directResultOf } from '../result-options';
import { definitionApiError } from './change-definition';
import { changesArg } from './definition-change-inputs';

/** What a save answers: the edition's new version and which changes were merged onto newer versions. */
interface AppliedChanges {
  editionKey: string;
  editionVersion: number;
  applied: number;
  merged: number[];
}

const DefinitionChangesApplied = builder.objectRef<AppliedChanges>('DefinitionChangesApplied').implement({
  description: 'Every change was applied, in one transaction.',
  fields: (t) => ({
    edition: t.prismaField({
      type: 'Edition',
      description: 'The edition as saved (read its definition and versions from here).',
      resolve: (query, applied, _args, context) =>
        context.services.db.prisma.edition.findUniqueOrThrow({
          ...query,
          where: { key: applied.editionKey },
        }),
    }),
    editionVersion: t.exposeInt('editionVersion', { description: 'The edition’s version after the save.' }),
    applied: t.exposeInt('applied', { description: 'How many changes were applied.' }),
    mergedChanges: t.exposeIntList('merged', {
      description:
        'Indexes of changes based on an older version that were applied because nobody had changed their fields since.',
    }),
  }),
});

builder.mutationFields((t) => ({
  applyDefinitionChanges: t.field({
    type: DefinitionChangesApplied,
    description:
      'Saves a list of changes to a draft edition’s definition all or nothing: each change is checked against the version it was based on (a change of fields nobody else changed since is merged), the result is validated by the domain, and one audit entry is written per change. Refused lists change nothing and answer every problem (by change index, path and code) and conflict. Admins.',
    authScopes: { admin: true },
    errors: directResultOf('applyDefinitionChanges', [
      DefinitionChangesRefusedError,
      NotFoundError,
      ReadOnlyEditionError,
      ValidationError,
    ]),
    args: {
      editionKey: t.arg.string({ required: true, description: 'The draft edition.' }),
      ...changesArg,
    },
    resolve: async (_root, { editionKey, changes }, context) => {
      const edits = draftEditsOf(changes as ChangeInput[]);
      try {
        const saved = await saveDraftEdits(
          context.services.db,
          {
            editionKey,
            actorId: context.viewer?.userId ?? null,
          },
          edits,
        );
        context.services.results.invalidate();
        return {
          editionKey,
          editionVersion: saved.editionVersion,
          applied: edits.length,
          merged: saved.merged,
        };
      } catch (error) {
        if (error instanceof DraftEditsRefusedError)
          throw new DefinitionChangesRefusedError(
            error.problems.map(problemOf),
            error.conflicts.map(({ editIndex, item, ...conflict }) => ({
              changeIndex: editIndex,
              item: { ...item },
              ...conflict,
            })),
          );
        throw definitionApiError(error);
      }
    },
  }),

  createEmptyEdition: t.prismaField({
    type: 'Edition',
    description:
      'Starts a draft edition from scratch: no areas yet, the four KSP channels with their waiting and attempt rules, weighted areas. Admins.',
    authScopes: { admin: true },
    errors: directResultOf('createEmptyEdition', [ConflictError, ValidationError]),
    args: {
      key: t.arg.string({ required: true, description: 'The new edition’s key, e.g. `KSP26`.' }),
      year: t.arg.int({ required: true, description: 'The new edition’s year.' }),
      name: t.arg.string({ required: true, description: 'The new edition’s name.' }),
    },
    resolve: async (query, _root, args, context) => {
      const { prisma } = context.services.db;
      if (await prisma.edition.findUnique({ where: { key: args.key }, select: { id: true } }))
        throw new ConflictError(`An edition with key ${args.key} already exists.`);
      await withApiErrors(() =>
        createEmptyEdition(context.services.db, args, (tx, change) => audit(tx, context, change)),
      );
      return prisma.edition.findUniqueOrThrow({ ...query, where: { key: args.key } });
    },
  }),
}));

type Translation = { locale: keyof LocalizedText; text: string | null };
type ChangeInput = Record<string, Record<string, unknown> | null | undefined>;

function textOf(list: readonly Translation[]): TextPatch {
  return Object.fromEntries(list.map(({ locale, text }) => [locale, text]));
}

/** The API's changes as the domain's draft edits; any that does not parse refuses the whole list. */
function draftEditsOf(changes: readonly ChangeInput[]): DraftEdit[] {
  const problems: DefinitionChangeProblem[] = [];
  const edits = changes.flatMap((change, changeIndex) => {
    const [kind, fields] = Object.entries(change).find(([, value]) => value != null) ?? [];
    const input: Record<string, unknown> = { kind };
    for (const [field, value] of Object.entries(fields ?? {})) {
      if (value === undefined) continue;
      input[field] =
        LOCALIZED_TEXT_FIELDS.has(field) && Array.isArray(value) ? textOf(value as Translation[]) : value;
    }
    const parsed = draftEditSchema.safeParse(input);
    if (parsed.success) return [parsed.data];
    for (const issue of definitionIssuesFromZod(parsed.error))
      problems.push({ ...issue, changeIndex, path: `changes[${changeIndex}].${kind}.${issue.path}` });
    return [];
  });
  if (problems.length > 0) throw new DefinitionChangesRefusedError(problems, []);
  return edits;
}

/** The domain's problem with the API's names: `changeIndex`, and `changes[i]` for a change's own fields. */
function problemOf({ editIndex, item, path, ...problem }: DraftEditProblem): DefinitionChangeProblem {
  return {
    ...problem,
    changeIndex: editIndex,
    path: path.replace(/^edits\[/, 'changes['),
    ...(item ? { item: item as ItemRef } : {}),
  };
}
