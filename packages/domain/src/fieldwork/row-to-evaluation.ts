import { byOrder } from '../edition-tree/sibling-order';
import type { ChannelRule } from '../model/channel';
import type { Edition } from '../model/edition';
import type { Answer, Evaluation } from '../model/evaluation';
import type { Question } from '../model/question';
import { validateEvaluation } from '../validation/validate-evaluation';
import {
  COMMENT_COLUMN_PREFIX,
  commentColumn,
  FIXED_COLUMNS,
  hasQuestionColumn,
  NOT_APPLICABLE_MARKER,
} from './fieldwork-columns';
import type { FieldworkProblem } from './fieldwork-problem';
import { parseContactedAt, parseYesNo } from './parse-cells';
import { parseWaitingTime } from './parse-waiting-time';

/** A company as the import sees it: whether it takes part in the edition, in which industry, on which channels. */
export interface FieldworkCompany {
  key: string;
  /** The industry it competes in this edition (its participation's), or its current one when not taking part. */
  industryKey: string;
  participating: boolean;
  /** The channels measured for it this edition; null = not restricted. */
  channels: readonly string[] | null;
}

/** What a row is checked against besides the edition: the references only the database knows. */
export interface FieldworkContext {
  edition: Edition;
  /** Companies by key. */
  companies: ReadonlyMap<string, FieldworkCompany>;
  /** The edition's role-play keys; null = not checked. */
  rolePlayKeys: ReadonlySet<string> | null;
  /** Observers' e-mail addresses, lower-case; null = not checked. */
  observerEmails: ReadonlySet<string> | null;
  /** Contact ids of earlier rows (and the row each was on): a second row with the same id is a problem. */
  contactRows: ReadonlyMap<string, number>;
}

/** A data row as read from a file: header name → cell text (readers turn numbers and dates into text). */
export type FieldworkRow = Readonly<Record<string, string | undefined>>;

export type RowResult =
  | { evaluation: Evaluation; problems: [] }
  | { evaluation: null; problems: FieldworkProblem[] };

interface QuestionColumn {
  question: Question;
  areaKey: string;
}

/** Per-edition lookups, built once per edition object (a file has thousands of rows). */
interface CompiledEdition {
  channels: Map<string, ChannelRule>;
  questionColumns: QuestionColumn[];
  questions: Map<string, Question>;
  areaKeys: string[];
}

const compiled = new WeakMap<Edition, CompiledEdition>();

function compile(edition: Edition): CompiledEdition {
  const cached = compiled.get(edition);
  if (cached) return cached;
  const questionColumns: QuestionColumn[] = [];
  const questions = new Map<string, Question>();
  for (const area of byOrder(edition.areas)) {
    for (const performance of byOrder(area.performances)) {
      for (const question of byOrder(performance.questions)) {
        questions.set(question.key, question);
        if (hasQuestionColumn(question)) questionColumns.push({ question, areaKey: area.key });
      }
    }
  }
  const result: CompiledEdition = {
    channels: new Map(edition.channels.map((c) => [c.key, c])),
    questionColumns,
    questions,
    areaKeys: byOrder(edition.areas).map((a) => a.key),
  };
  compiled.set(edition, result);
  return result;
}

const cell = (row: FieldworkRow, column: string) => (row[column] ?? '').trim();
const C = FIXED_COLUMNS;

/**
 * One field-work row as a domain Evaluation (its `id` is the contact id), or every problem found in it, each
 * with the row number and the column it is in. The row's own cells are checked here (companies, channels,
 * dates, durations, option keys…); the evaluation as a whole is then checked by the domain's
 * validateEvaluation, whose findings are mapped back to columns. Pure: the caller records contact ids.
 */
export function rowToEvaluation(
  row: FieldworkRow,
  rowNumber: number,
  context: FieldworkContext,
  /**
   * `false` skips the whole-evaluation check (validateEvaluation): only for a row whose exact bytes were already
   * checked with it, as an import's writing pass re-reads the file its checking pass accepted (same digest).
   */
  { checkWhole = true }: { checkWhole?: boolean } = {},
): RowResult {
  const { edition } = context;
  const index = compile(edition);
  const problems: FieldworkProblem[] = [];
  const add = (column: string, message: string) => problems.push({ row: rowNumber, column, message });

  const contactId = cell(row, C.contactId);
  if (contactId === '') add(C.contactId, 'the contact id is empty');
  else {
    const first = context.contactRows.get(contactId);
    if (first !== undefined)
      add(C.contactId, `duplicate contact id "${contactId}": already used on row ${first}`);
  }

  const companyKey = cell(row, C.company);
  const company = context.companies.get(companyKey);
  if (companyKey === '') add(C.company, 'the company is empty');
  else if (!company) add(C.company, `unknown company "${companyKey}"`);
  else if (!company.participating)
    add(C.company, `company "${companyKey}" does not take part in ${edition.key}`);

  const channelKey = cell(row, C.channel);
  const channel = index.channels.get(channelKey);
  if (!channel) {
    add(
      C.channel,
      channelKey === ''
        ? 'the channel is empty'
        : `channel "${channelKey}" is not a channel of ${edition.key} (${[...index.channels.keys()].join(', ')})`,
    );
  } else if (company?.participating && company.channels && !company.channels.includes(channel.key)) {
    add(C.channel, `company "${company.key}" is not measured on channel ${channel.key} in ${edition.key}`);
  }

  const rolePlayKey = cell(row, C.rolePlay) || null;
  if (rolePlayKey !== null && context.rolePlayKeys && !context.rolePlayKeys.has(rolePlayKey))
    add(C.rolePlay, `role play "${rolePlayKey}" is not in ${edition.key}`);

  const observerKey = cell(row, C.observer) || null;
  if (
    observerKey !== null &&
    context.observerEmails &&
    !context.observerEmails.has(observerKey.toLowerCase())
  )
    add(C.observer, `no user has the e-mail "${observerKey}"`);

  const contactedAtText = cell(row, C.contactedAt);
  const contactedAt = parseContactedAt(contactedAtText);
  if (contactedAt === null) {
    add(
      C.contactedAt,
      contactedAtText === ''
        ? 'the contact time is empty'
        : `"${contactedAtText}" is not an ISO 8601 date-time with offset (e.g. 2024-03-05T10:15:00+01:00)`,
    );
  }

  const answeredText = cell(row, C.answered);
  const answered = parseYesNo(answeredText);
  if (answered === null) add(C.answered, `"${answeredText}" is not yes or no`);

  const waitingText = cell(row, C.waitingTime);
  let waitingTime: number | null = null;
  if (waitingText !== '') {
    if (answered === false) add(C.waitingTime, 'a contact that was not answered has no waiting time');
    else if (channel) {
      waitingTime = parseWaitingTime(waitingText, channel.waitUnit);
      if (waitingTime === null) {
        add(
          C.waitingTime,
          `waiting time "${waitingText}" is not a duration: use ISO 8601 (PT3M20S, P2D) or a number of ${
            channel.waitUnit === 'minutes' ? 'minutes' : 'working days'
          }`,
        );
      }
    }
  }

  const answers: Answer[] = [];
  const answerColumns: string[] = [];
  for (const { question } of index.questionColumns) {
    const text = cell(row, question.key);
    if (text === '') continue;
    const answer: Answer = { questionKey: question.key, optionKey: null, text: null, notApplicable: false };
    if (text.toUpperCase() === NOT_APPLICABLE_MARKER) answer.notApplicable = true;
    else if (question.type === 'comment') answer.text = text;
    else answer.optionKey = text;
    answers.push(answer);
    answerColumns.push(question.key);
  }

  const comments: Record<string, string> = {};
  for (const areaKey of index.areaKeys) {
    const text = cell(row, commentColumn(areaKey));
    if (text !== '') comments[areaKey] = text;
  }

  const evaluation: Evaluation = {
    id: contactId || '?',
    editionKey: edition.key,
    companyKey: companyKey || '?',
    industryKey: company?.industryKey ?? '?',
    // An unknown channel is already reported; a well-formed stand-in keeps the domain checking the rest.
    channel: channel ? channel.key : 'unknown',
    rolePlayKey,
    observerKey,
    contactedAt: contactedAt ?? '1970-01-01T00:00:00Z',
    answered: answered ?? true,
    waitingTime,
    answers,
    comments,
  };

  // The domain's rules for the evaluation as a whole; a column with a problem already keeps only that one.
  const reported = new Set(problems.map((p) => p.column));
  for (const issue of checkWhole ? validateEvaluation(edition, evaluation) : []) {
    const column = columnOf(issue.path, issue.message, answerColumns);
    if (reported.has(column)) continue;
    reported.add(column);
    add(column, explain(issue.path, issue.message, answerColumns, index));
  }
  return problems.length > 0 ? { evaluation: null, problems } : { evaluation, problems: [] };
}

const ANSWER_PATH = /^answers\[(\d+)\]/;

/** The column a validateEvaluation path points at. */
function columnOf(path: string, message: string, answerColumns: readonly string[]): string {
  const answer = ANSWER_PATH.exec(path);
  if (answer) return answerColumns[Number(answer[1])] ?? '';
  if (path === 'answers') {
    // "required question "x" has no answer" → that question's column; "not answered carries no answers" → answered.
    const required = /required question "([^"]+)"/.exec(message);
    return required?.[1] ?? C.answered;
  }
  if (path.startsWith('comments.')) return `${COMMENT_COLUMN_PREFIX}${path.slice('comments.'.length)}`;
  const fixed: Record<string, string> = {
    id: C.contactId,
    companyKey: C.company,
    industryKey: C.company,
    channel: C.channel,
    rolePlayKey: C.rolePlay,
    observerKey: C.observer,
    contactedAt: C.contactedAt,
    answered: C.answered,
    waitingTime: C.waitingTime,
  };
  return fixed[path] ?? '';
}

/** The domain's message, with the accepted values added where a wrong option was given. */
function explain(
  path: string,
  message: string,
  answerColumns: readonly string[],
  index: CompiledEdition,
): string {
  const answer = ANSWER_PATH.exec(path);
  if (!answer || !path.endsWith('.optionKey') || !message.includes('does not exist')) return message;
  const question = index.questions.get(answerColumns[Number(answer[1])] ?? '');
  if (!question) return message;
  const allowed = [
    ...question.options.map((o) => o.key),
    ...(question.allowNotApplicable ? [NOT_APPLICABLE_MARKER] : []),
  ];
  return `${message}; allowed: ${allowed.join(', ')}`;
}
