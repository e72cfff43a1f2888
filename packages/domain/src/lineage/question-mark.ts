import type { DefinitionChange } from '../comparison/definition-change';
import type { LineageMark } from '../model/lineage';
import type { AnswerOption, Question } from '../model/question';

/** Kinds of change that alter how a question scores (shadow scores included). */
const RESCALING_KINDS = new Set(['pointsChanged', 'typeChanged', 'channelsChanged', 'countingChanged']);

/**
 * The mark of a question that exists in both editions, from its own changes: rescaled beats moved beats
 * reworded. Relabelled options and a changed `required` flag do not change how it scores.
 * `waitingRulesChanged` says whether the bands of a channel the question is asked on changed.
 */
export function questionMark(
  changes: readonly DefinitionChange[],
  before: Question,
  after: Question,
  waitingRulesChanged: boolean,
): LineageMark {
  const kinds = new Set(changes.map((c) => c.kind));
  const rescaled =
    changes.some((c) => RESCALING_KINDS.has(c.kind)) ||
    (kinds.has('optionsChanged') && !sameScale(before.options, after.options)) ||
    (kinds.has('rulesChanged') && rulesOtherThanRequiredChanged(before, after)) ||
    (after.type === 'waitingTime' && waitingRulesChanged);
  if (rescaled) return 'rescaled';
  if (kinds.has('moved')) return 'moved';
  if (kinds.has('renamed') || kinds.has('optionsChanged')) return 'reworded';
  return 'identical';
}

function sameScale(before: AnswerOption[], after: AnswerOption[]): boolean {
  if (before.length !== after.length) return false;
  return after.every((o) => {
    const old = before.find((b) => b.key === o.key);
    return old !== undefined && old.points === o.points && old.value === o.value;
  });
}

function rulesOtherThanRequiredChanged(before: Question, after: Question): boolean {
  return (
    before.allowNotApplicable !== after.allowNotApplicable ||
    before.critical !== after.critical ||
    before.bonus !== after.bonus ||
    before.cxMetric !== after.cxMetric
  );
}
