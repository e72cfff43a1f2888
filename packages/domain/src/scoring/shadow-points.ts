import type { Question } from '../model/question';

/**
 * Points each option of a question is worth "as if scored", in the question's option order.
 * A question that defines points keeps them. One without points (an unscored question) is ranked by
 * option `order`: the first option (lowest order) is the worst and earns 0, the last earns n − 1.
 */
export function shadowOptionPoints(question: Question): number[] {
  if (question.options.every((option) => option.points !== null)) {
    return question.options.map((option) => option.points ?? 0);
  }
  const ranked = question.options.map((option, index) => ({ order: option.order, index }));
  ranked.sort((a, b) => a.order - b.order || a.index - b.index);
  const points = new Array<number>(question.options.length).fill(0);
  ranked.forEach((entry, rank) => {
    points[entry.index] = rank;
  });
  return points;
}
