import type { ItemRef } from '../edition-tree/item-ref';
import { type Edition, editionSchema } from '../model/edition';
import { checkEdition } from '../validation/check-edition';
import type { ValidationIssue } from '../validation/issue';
import { applyDraftEdit } from './apply-draft-edit';
import type { DefinitionIssueCode } from './definition-issue-code';
import { definitionIssuesFromZod } from './definition-issues-from-zod';
import type { DraftEdit } from './draft-edit';
import { DraftEditError, type DraftEditProblem } from './draft-edit-problem';
import { introducedIssues } from './introduced-issues';

export interface AppliedDraftEdits {
  /** The edition after every edit (parsed: texts trimmed, defaults filled in); meaningless with problems. */
  edition: Edition;
  /** Empty when the whole list may be saved; otherwise nothing of it may be. */
  problems: DraftEditProblem[];
}

/**
 * Applies a save's edits in order and checks the result as one: every edit must apply, and the edited
 * edition must keep the schema and the rules (checkEdition) it kept before; problems it already had do not
 * stop a save (see introducedIssues). Each problem names the edit it comes from, so a client can mark it.
 */
export function applyDraftEdits(before: Edition, edits: readonly DraftEdit[]): AppliedDraftEdits {
  let edition = before;
  const problems: DraftEditProblem[] = [];
  edits.forEach((edit, editIndex) => {
    try {
      edition = applyDraftEdit(edition, edit);
    } catch (error) {
      if (!(error instanceof DraftEditError)) throw error;
      const { code, field, message, params } = error;
      problems.push({
        editIndex,
        code,
        path: `edits[${editIndex}].${field}`,
        message,
        ...(params ? { params } : {}),
      });
    }
  });
  // Rules are checked on the whole result only: a failed edit would make them report its consequences.
  if (problems.length > 0) return { edition, problems };

  const parsed = editionSchema.safeParse(edition);
  const issues = parsed.success
    ? introducedIssues(before, checkEdition(before), parsed.data, checkEdition(parsed.data))
    : definitionIssuesFromZod(parsed.error);
  const result = parsed.success ? parsed.data : edition;
  return { edition: result, problems: issues.map((issue) => attributed(result, edits, issue)) };
}

/** A rule problem of the result, with the last edit about the item (or an item above it) it names. */
function attributed(edition: Edition, edits: readonly DraftEdit[], issue: ValidationIssue): DraftEditProblem {
  const chain = itemsOnPath(edition, issue.path);
  if (typeof issue.params?.channel === 'string') chain.push({ level: 'channel', key: issue.params.channel });
  const named = (ref: ItemRef) => chain.some((onPath) => sameRef(onPath, ref));
  let editIndex: number | null = null;
  edits.forEach((edit, index) => {
    if (subjectsOf(edit).some(named) || (edit.kind === 'updateScoring' && concernsScoring(issue)))
      editIndex = index;
  });
  const item = chain.filter((ref) => ref.level !== 'channel' || issue.path.startsWith('channels')).at(-1);
  return {
    ...issue,
    code: (issue.code ?? 'INVALID_VALUE') as DefinitionIssueCode,
    editIndex,
    ...(item ? { item } : {}),
  };
}

const concernsScoring = (issue: ValidationIssue) =>
  issue.path.startsWith('scoring.') ||
  issue.code === 'AREA_WEIGHT_REQUIRED' ||
  issue.code === 'CHANNEL_WEIGHT_REQUIRED';

const sameRef = (a: ItemRef, b: ItemRef) =>
  a.level === b.level &&
  a.key === b.key &&
  (a.level !== 'option' || (b.level === 'option' && a.questionKey === b.questionKey));

/** The items an edit adds, changes, removes or moves into. */
function subjectsOf(edit: DraftEdit): ItemRef[] {
  switch (edit.kind) {
    case 'addChannel':
    case 'updateChannel':
      return [{ level: 'channel', key: edit.key }];
    case 'addArea':
    case 'updateArea':
      return [{ level: 'area', key: edit.key }];
    case 'addPerformance':
    case 'updatePerformance':
      return [{ level: 'performance', key: edit.key }];
    case 'addQuestion':
    case 'updateQuestion':
      return [{ level: 'question', key: edit.key }];
    case 'addOption':
    case 'updateOption':
      return [
        { level: 'option', questionKey: edit.questionKey, key: edit.key },
        { level: 'question', key: edit.questionKey },
      ];
    case 'remove':
      return edit.item.level === 'option'
        ? [edit.item, { level: 'question', key: edit.item.questionKey }]
        : [edit.item];
    case 'move':
      return [
        { level: edit.item.level, key: edit.item.key },
        { level: edit.item.level === 'performance' ? 'area' : 'performance', key: edit.toKey },
      ];
    case 'reorder':
    case 'updateScoring':
      return [];
  }
}

/** The items a path such as `areas[1].performances[0].questions[2].text` passes through, outermost first. */
function itemsOnPath(edition: Edition, path: string): ItemRef[] {
  const refs: ItemRef[] = [];
  let node: unknown = edition;
  for (const [, field, index] of path.matchAll(/(\w+)\[(\d+)\]/g)) {
    const list = (node as Record<string, unknown> | undefined)?.[field as string];
    node = Array.isArray(list) ? list[Number(index)] : undefined;
    const key = (node as { key?: unknown } | undefined)?.key;
    if (typeof key !== 'string') break;
    const level = LEVEL_OF_LIST[field as keyof typeof LEVEL_OF_LIST];
    if (!level) break;
    const question = refs.at(-1);
    refs.push(level === 'option' ? { level, questionKey: question?.key ?? '', key } : { level, key });
  }
  return refs;
}

const LEVEL_OF_LIST = {
  channels: 'channel',
  areas: 'area',
  performances: 'performance',
  questions: 'question',
  options: 'option',
} as const;
