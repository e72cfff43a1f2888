import { byOrder } from '../edition-tree/sibling-order';
import type { ChannelRule } from '../model/channel';
import type { Edition } from '../model/edition';
import type { Answer, Attempt, Evaluation } from '../model/evaluation';
import type { Question } from '../model/question';
import type { EvaluationReferences } from '../validation/evaluation-references';
import { type EvaluationIssue, validateEvaluation } from '../validation/validate-evaluation';
import {
  attemptColumns,
  COMMENT_COLUMN_PREFIX,
  commentColumn,
  earlierAttemptCount,
  FIXED_COLUMNS,
  hasQuestionColumn,
  NOT_APPLICABLE_MARKER,
} from './fieldwork-columns';
import type { FieldworkProblem } from './fieldwork-problem';
import { DATE_TIME_EXAMPLE, type FieldworkProblemCode } from './fieldwork-problem-code';
import { parseContactedAt, parseYesNo } from './parse-cells';
import { parseWaitingTime } from './parse-waiting-time';

/** What a row is checked against besides the edition: the references only the database knows. */
export interface FieldworkContext {
  edition: Edition;
  /** Companies' participations, role plays and observers: the one evaluation check reads them. */
  references: EvaluationReferences;
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
  /** Earlier-attempt column groups in the file format (the largest maxAttempts − 1 of the channels). */
  earlierAttempts: number;
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
    earlierAttempts: earlierAttemptCount(edition),
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
export function rowToEvaluation(row: FieldworkRow, rowNumber: number, context: FieldworkContext): RowResult {
  const { edition } = context;
  const index = compile(edition);
  const problems: FieldworkProblem[] = [];
  const add: AddProblem = (column, code, message, params) =>
    problems.push({ row: rowNumber, column, message, code, ...(params ? { params } : {}) });

  const contactId = cell(row, C.contactId);
  if (contactId === '') add(C.contactId, 'CONTACT_ID_EMPTY', 'the contact id is empty');
  else {
    const first = context.contactRows.get(contactId);
    if (first !== undefined)
      add(
        C.contactId,
        'DUPLICATE_CONTACT_ID',
        `duplicate contact id "${contactId}": already used on row ${first}`,
        { value: contactId, firstRow: first },
      );
  }

  // Which companies, channels, role plays and observers are allowed is the domain's one check (below); the row
  // reader only parses cells.
  const companyKey = cell(row, C.company);
  const participation = context.references.participation(companyKey);
  const channelKey = cell(row, C.channel);
  const channel = index.channels.get(channelKey);
  const rolePlayKey = cell(row, C.rolePlay) || null;
  const observerKey = cell(row, C.observer) || null;

  const contactedAtText = cell(row, C.contactedAt);
  const contactedAt = parseContactedAt(contactedAtText);
  if (contactedAt === null) {
    if (contactedAtText === '') add(C.contactedAt, 'CONTACT_TIME_EMPTY', 'the contact time is empty');
    else addDateTime(add, C.contactedAt, contactedAtText);
  }

  const answeredText = cell(row, C.answered);
  const answered = parseYesNo(answeredText);
  if (answered === null) addYesNo(add, C.answered, answeredText);

  const waitingTime = readWaitingTime(cell(row, C.waitingTime), channel, C.waitingTime, add);

  const earlierAttempts: Attempt[] = [];
  for (let n = 1; n <= index.earlierAttempts; n++) {
    const columns = attemptColumns(n);
    const atText = cell(row, columns.at);
    const answeredAttempt = cell(row, columns.answered);
    const waitText = cell(row, columns.waitingTime);
    if (atText === '' && answeredAttempt === '' && waitText === '') continue;
    const at = parseContactedAt(atText);
    if (at === null) addDateTime(add, columns.at, atText);
    const attemptAnswered = answeredAttempt === '' ? false : parseYesNo(answeredAttempt);
    if (attemptAnswered === null) addYesNo(add, columns.answered, answeredAttempt);
    earlierAttempts.push({
      at: at ?? '1970-01-01T00:00:00Z',
      answered: attemptAnswered ?? false,
      waitingTime: readWaitingTime(waitText, channel, columns.waitingTime, add),
    });
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
    companyKey,
    industryKey: participation?.industryKey ?? '?',
    channel: channelKey,
    rolePlayKey,
    observerKey,
    contactedAt: contactedAt ?? '1970-01-01T00:00:00Z',
    answered: answered ?? true,
    waitingTime,
    earlierAttempts,
    answers,
    comments,
  };

  // The evaluation check's rules, every one as it reports it (what every other path gives for the same
  // evaluation); a cell that could not be read keeps only its own problem.
  const unreadable = new Set(problems.map((p) => p.column));
  for (const issue of validateEvaluation(edition, context.references, evaluation)) {
    const column = columnOf(issue, answerColumns);
    if (unreadable.has(column)) continue;
    const allowed = allowedOptions(issue, index);
    const params = { ...issue.params, ...(allowed === null ? {} : { allowed }) };
    problems.push({
      row: rowNumber,
      column,
      message: allowed === null ? issue.message : `${issue.message}; allowed: ${allowed}`,
      code: issue.code,
      ...(Object.keys(params).length > 0 ? { params } : {}),
      path: issue.path,
    });
  }
  return problems.length > 0 ? { evaluation: null, problems } : { evaluation, problems: [] };
}

type AddProblem = (
  column: string,
  code: FieldworkProblemCode,
  message: string,
  params?: Record<string, string | number>,
) => void;

function addDateTime(add: AddProblem, column: string, value: string) {
  add(
    column,
    'INVALID_DATE_TIME',
    `"${value}" is not an ISO 8601 date-time with offset (e.g. ${DATE_TIME_EXAMPLE})`,
    { column, value, example: DATE_TIME_EXAMPLE },
  );
}

function addYesNo(add: AddProblem, column: string, value: string) {
  add(column, 'INVALID_YES_NO', `"${value}" is not yes or no`, { column, value });
}

/** A waiting-time cell in the channel's unit (null when empty); a text that is not a duration is a problem. */
function readWaitingTime(
  text: string,
  channel: ChannelRule | undefined,
  column: string,
  add: AddProblem,
): number | null {
  if (text === '' || !channel) return null;
  const minutes = channel.waitUnit === 'minutes';
  const value = parseWaitingTime(text, channel.waitUnit);
  if (value === null)
    add(
      column,
      'INVALID_WAITING_TIME',
      `waiting time "${text}" is not a duration: use ISO 8601 (PT3M20S, P2D) or a number of ${
        minutes ? 'minutes' : 'working days'
      }`,
      { column, value: text, unit: channel.waitUnit },
    );
  return value;
}

const ANSWER_PATH = /^answers\[(\d+)\]/;
const ATTEMPT_PATH = /^earlierAttempts\[(\d+)\]\.(at|answered|waitingTime)$/;

/** The column a validateEvaluation issue points at (its path, and the question it names). */
function columnOf(issue: EvaluationIssue, answerColumns: readonly string[]): string {
  const { path } = issue;
  const answer = ANSWER_PATH.exec(path);
  if (answer) return answerColumns[Number(answer[1])] ?? '';
  const attempt = ATTEMPT_PATH.exec(path);
  if (attempt) return attemptColumns(Number(attempt[1]) + 1)[attempt[2] as 'at' | 'answered' | 'waitingTime'];
  if (path === 'earlierAttempts') return attemptColumns(1).at;
  if (path === 'answers') {
    // A required question without an answer → that question's column; answers on an unanswered contact → answered.
    const questionKey = issue.params?.questionKey;
    return typeof questionKey === 'string' ? questionKey : C.answered;
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

/** Where a wrong option was given: the accepted values, comma-separated (else null). */
function allowedOptions(issue: EvaluationIssue, index: CompiledEdition): string | null {
  if (issue.code !== 'UNKNOWN_OPTION') return null;
  const question = index.questions.get(String(issue.params?.questionKey ?? ''));
  if (!question) return null;
  return [
    ...question.options.map((o) => o.key),
    ...(question.allowNotApplicable ? [NOT_APPLICABLE_MARKER] : []),
  ].join(', ');
}
