import { byOrder } from '../edition-tree/sibling-order';
import type { Edition } from '../model/edition';
import { textIn } from '../model/locale';
import type { Question } from '../model/question';

/**
 * The field-work file format (docs/import-export.md): one row per contact, these fixed columns first, then one
 * column per question key (in survey order) and one comment column per area. Header names are exact and
 * lower-case; the order of columns in a file does not matter.
 */
export const FIXED_COLUMNS = {
  contactId: 'contact_id',
  company: 'company',
  channel: 'channel',
  rolePlay: 'role_play',
  observer: 'observer',
  contactedAt: 'contacted_at',
  answered: 'answered',
  waitingTime: 'waiting_time',
} as const;

/**
 * The columns of the n-th earlier attempt (1 = the first attempt of a contact that took more than one): when it
 * was made, whether it was answered, and after how long. Empty cells = no such attempt.
 */
export function attemptColumns(n: number) {
  return {
    at: `attempt${n}_contacted_at`,
    answered: `attempt${n}_answered`,
    waitingTime: `attempt${n}_waiting_time`,
  } as const;
}

/** How many earlier attempts a row can hold: the most any channel of the edition allows before its last one. */
export function earlierAttemptCount(edition: Edition): number {
  return Math.max(0, ...edition.channels.map((c) => c.attempts.maxAttempts - 1));
}

/** Comment columns are `comment:<area key>`; ":" cannot occur in a key, so they never clash with a question column. */
export const COMMENT_COLUMN_PREFIX = 'comment:';

/** What an observer writes in a question's cell for "not applicable" (case does not matter). */
export const NOT_APPLICABLE_MARKER = 'N/A';

export type FieldworkColumnKind = keyof typeof FIXED_COLUMNS | 'attempt' | 'question' | 'comment';

export interface FieldworkColumn {
  name: string;
  kind: FieldworkColumnKind;
  /** A file without this column is rejected before any row is read. */
  required: boolean;
  /** What goes in the cell, for the template's guide. */
  help: string;
  /** The accepted values when the cell is a choice (option keys, plus N/A where allowed). */
  allowed: string[] | null;
  /** The question (question columns) or area (comment columns) the column belongs to. */
  questionKey: string | null;
  areaKey: string | null;
}

/** Questions that have a column: every question except waiting-time ones (the waiting_time column answers those). */
export function hasQuestionColumn(question: Question): boolean {
  return question.type !== 'waitingTime';
}

export const commentColumn = (areaKey: string) => `${COMMENT_COLUMN_PREFIX}${areaKey}`;

const fixed = (
  kind: keyof typeof FIXED_COLUMNS,
  required: boolean,
  help: string,
  allowed: string[] | null = null,
): FieldworkColumn => ({
  name: FIXED_COLUMNS[kind],
  kind,
  required,
  help,
  allowed,
  questionKey: null,
  areaKey: null,
});

/** The columns of an edition's field-work file, in template order. */
export function fieldworkColumns(edition: Edition): FieldworkColumn[] {
  const channels = byOrder(edition.channels);
  const columns: FieldworkColumn[] = [
    fixed(
      'contactId',
      true,
      'Your unique id for the contact; importing a row whose id is stored already skips it.',
    ),
    fixed('company', true, 'The company key (organisation number where the company is keyed by it).'),
    fixed(
      'channel',
      true,
      `The channel: ${channels.map((c) => c.key).join(', ')}.`,
      channels.map((c) => c.key),
    ),
    fixed('rolePlay', false, 'The role play key (optional).'),
    fixed('observer', false, 'The observer’s e-mail address, a user of the platform (optional).'),
    fixed(
      'contactedAt',
      true,
      'When the contact was made: ISO 8601 date-time with offset, e.g. 2024-03-05T10:15:00+01:00.',
    ),
    fixed('answered', true, 'yes or no (also true/false, 1/0, ja/nei).', ['yes', 'no']),
    fixed(
      'waitingTime',
      false,
      `Answered contacts: the waiting time as an ISO 8601 duration (PT3M20S, P2D) or a number in the channel’s unit (${channels
        .map((c) => `${c.key}: ${c.waitUnit === 'minutes' ? 'minutes' : 'working days'}`)
        .join(', ')}); m:ss and h:mm:ss also work. Empty when not answered.`,
    ),
  ];
  for (let n = 1; n <= earlierAttemptCount(edition); n++) {
    const names = attemptColumns(n);
    const attempt = (name: string, help: string, allowed: string[] | null = null): FieldworkColumn => ({
      name,
      kind: 'attempt',
      required: false,
      help,
      allowed,
      questionKey: null,
      areaKey: null,
    });
    columns.push(
      attempt(
        names.at,
        `Only when the contact took more than one attempt: when attempt ${n} was made (ISO 8601 with offset). The last attempt is contacted_at.`,
      ),
      attempt(names.answered, `Whether attempt ${n} was answered (after the maximum wait): yes or no.`, [
        'yes',
        'no',
      ]),
      attempt(names.waitingTime, `Attempt ${n}, when answered late: the waiting time, as in waiting_time.`),
    );
  }
  for (const area of byOrder(edition.areas)) {
    for (const performance of byOrder(area.performances)) {
      for (const question of byOrder(performance.questions)) {
        if (!hasQuestionColumn(question)) continue;
        const allowed =
          question.type === 'comment'
            ? null
            : [
                ...byOrder(question.options).map((o) => o.key),
                ...(question.allowNotApplicable ? [NOT_APPLICABLE_MARKER] : []),
              ];
        columns.push({
          name: question.key,
          kind: 'question',
          required: question.required,
          help: `${textIn(question.text, 'nb')} [${question.channels.join(', ')}]${
            question.type === 'comment' ? ' (free text)' : ''
          }`,
          allowed,
          questionKey: question.key,
          areaKey: area.key,
        });
      }
    }
  }
  for (const area of byOrder(edition.areas)) {
    columns.push({
      name: commentColumn(area.key),
      kind: 'comment',
      required: false,
      help: `The observer’s comment on ${textIn(area.name, 'nb')} (optional free text).`,
      allowed: null,
      questionKey: null,
      areaKey: area.key,
    });
  }
  return columns;
}
