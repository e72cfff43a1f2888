import type { CompiledEdition, CompiledQuestion } from './compile-edition';
import type { EvaluationBatch } from './evaluation-batch';

/** A batch's dictionaries looked up in the compiled edition once, so that each answer costs array reads only. */
export interface ResolvedBatch {
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
  /** Per option slot: its row in the QuestionTable's options, −1 when the question has no such option. */
  optionRow: Int32Array;
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
  const optionRow = new Int32Array(batch.options.length).fill(-1);
  batch.options.forEach((option, slot) => {
    optionQuestion[slot] = option.question;
    const key = batch.questionKeys[option.question];
    // Options are the same on every channel the question is asked on: any channel's compiled question will do.
    for (const channel of compiled.channelList) {
      const q = key === undefined ? undefined : channel.questions.get(key);
      const position = q?.optionIndex.get(option.key);
      if (q !== undefined && position !== undefined) {
        optionPosition[slot] = position;
        optionRow[slot] = (compiled.table.optionStart[q.index] as number) + position;
        break;
      }
    }
  });
  return { batch, questions, optionPosition, optionQuestion, slots, slotQuestion, optionRow };
}
