import type { Evaluation } from '../model/evaluation';

/** What scoring reads of an evaluation besides its answers. */
export type ContactHeader = Pick<Evaluation, 'id' | 'companyKey' | 'channel' | 'answered' | 'waitingTime'>;

/**
 * Many evaluations of one edition in columns: the same information scoring reads from `Evaluation`s, without an
 * object per answer, so that large editions (a database read of 200,000 answers) score quickly.
 * Answers name their question and option by number: a position in the `questionKeys` and `options` dictionaries,
 * which the caller fills once (a database from its own ids). Scores equal those of the same `Evaluation`s with
 * the answers in the same order (a property test checks it).
 */
export interface EvaluationBatch {
  editionKey: string;
  contacts: readonly ContactHeader[];
  /** Contact i's answers are at positions answerStart[i] … answerStart[i + 1] − 1 (length: contacts + 1). */
  answerStart: Int32Array;
  /** Per answer: position of its question in `questionKeys`; −1 for a question the scorer should skip. */
  answerQuestion: Int32Array;
  /** Per answer: position of the chosen option in `options`; −1 when no option was chosen. */
  answerOption: Int32Array;
  /** Per answer: 1 when answered "not applicable". */
  answerNotApplicable: Uint8Array;
  questionKeys: readonly string[];
  /** Options by their question (a position in `questionKeys`) and their own key. */
  options: readonly { question: number; key: string }[];
}

export function isEvaluationBatch(input: readonly Evaluation[] | EvaluationBatch): input is EvaluationBatch {
  return !Array.isArray(input);
}

/** The batch form of evaluations, answers in their given order (for tests and callers holding `Evaluation`s). */
export function evaluationBatch(editionKey: string, evaluations: readonly Evaluation[]): EvaluationBatch {
  const questionKeys: string[] = [];
  const questionSlot = new Map<string, number>();
  const options: { question: number; key: string }[] = [];
  const optionSlot = new Map<string, number>();
  const slotOf = (key: string) => {
    let slot = questionSlot.get(key);
    if (slot === undefined) {
      slot = questionKeys.push(key) - 1;
      questionSlot.set(key, slot);
    }
    return slot;
  };
  const answerCount = evaluations.reduce((n, e) => n + e.answers.length, 0);
  const batch: EvaluationBatch = {
    editionKey,
    contacts: evaluations,
    answerStart: new Int32Array(evaluations.length + 1),
    answerQuestion: new Int32Array(answerCount),
    answerOption: new Int32Array(answerCount),
    answerNotApplicable: new Uint8Array(answerCount),
    questionKeys,
    options,
  };
  let a = 0;
  evaluations.forEach((evaluation, i) => {
    batch.answerStart[i] = a;
    for (const answer of evaluation.answers) {
      const question = slotOf(answer.questionKey);
      let option = -1;
      if (answer.optionKey !== null) {
        const id = `${question}/${answer.optionKey}`;
        option = optionSlot.get(id) ?? options.push({ question, key: answer.optionKey }) - 1;
        optionSlot.set(id, option);
      }
      batch.answerQuestion[a] = question;
      batch.answerOption[a] = option;
      batch.answerNotApplicable[a] = answer.notApplicable ? 1 : 0;
      a++;
    }
  });
  batch.answerStart[evaluations.length] = a;
  return batch;
}
