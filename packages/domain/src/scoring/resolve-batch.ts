import type { CompiledEdition, CompiledQuestion } from './compile-edition';
import type { EvaluationBatch } from './evaluation-batch';
import { type AnswerDictionary, OPTION_FACTS, OPTION_NUMBERS, PERFORMANCE } from './question-table';

/**
 * A batch's dictionaries looked up in the compiled edition once, so that each answer costs array reads only. As
 * an AnswerDictionary its option slots carry their QuestionTable option row's numbers and facts (copied, so that
 * an answer reads them by its own option number, without a row lookup in between).
 */
export interface ResolvedBatch extends AnswerDictionary {
  batch: EvaluationBatch;
  /** Per channel (compiled index), per question slot: the compiled question, undefined when not asked there. */
  questions: (CompiledQuestion | undefined)[][];
  /** Per option slot: its position among its question's options, −1 when the question has no such option. */
  optionPosition: Int32Array;
  /** Per option slot: its question slot (an answer's option only counts when it belongs to the answer's question). */
  optionQuestion: Int32Array;
  /** The batch's question slots (questionKeys.length). */
  slots: number;
  /**
   * The scoring loop's form of `questions`: at channel × slots + slot, the question's index in the edition
   * (CompiledQuestion.index, a row of the QuestionTable), −1 when not asked on that channel.
   */
  slotQuestion: Int32Array;
}

export function resolveBatch(compiled: CompiledEdition, batch: EvaluationBatch): ResolvedBatch {
  const questions = compiled.channelList.map((channel) =>
    batch.questionKeys.map((key) => channel.questions.get(key)),
  );
  const slots = batch.questionKeys.length;
  const slotQuestion = new Int32Array(compiled.channelList.length * slots).fill(-1);
  questions.forEach((list, c) => {
    list.forEach((q, slot) => {
      if (q !== undefined) slotQuestion[c * slots + slot] = q.index;
    });
  });
  const optionPosition = new Int32Array(batch.options.length).fill(-1);
  const optionQuestion = new Int32Array(batch.options.length).fill(-1);
  const { optionNumbers: rowNumbers, optionFacts: rowFacts } = compiled.table.rows;
  const optionNumbers = new Float64Array(batch.options.length * OPTION_NUMBERS);
  const optionFacts = new Int32Array(batch.options.length * OPTION_FACTS);
  batch.options.forEach((option, slot) => {
    optionQuestion[slot] = option.question;
    optionFacts[slot * OPTION_FACTS + PERFORMANCE] = -1;
    const key = batch.questionKeys[option.question];
    // Options are the same on every channel the question is asked on: any channel's compiled question will do.
    for (const channel of compiled.channelList) {
      const q = key === undefined ? undefined : channel.questions.get(key);
      const position = q?.optionIndex.get(option.key);
      if (q !== undefined && position !== undefined) {
        optionPosition[slot] = position;
        const row = (compiled.table.optionStart[q.index] as number) + position;
        optionNumbers.set(
          rowNumbers.subarray(row * OPTION_NUMBERS, (row + 1) * OPTION_NUMBERS),
          slot * OPTION_NUMBERS,
        );
        optionFacts.set(rowFacts.subarray(row * OPTION_FACTS, (row + 1) * OPTION_FACTS), slot * OPTION_FACTS);
        break;
      }
    }
  });
  return {
    batch,
    questions,
    optionPosition,
    optionQuestion,
    slots,
    slotQuestion,
    optionNumbers,
    optionFacts,
  };
}
