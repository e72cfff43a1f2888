import type { Question } from '../model/question';

/**
 * Points each option of a question is worth "as if scored", in the question's option order.
 * - A question that defines points keeps them.
 * - Options that all carry a numeric `value` (scale, NPS) rank by value: the lowest earns 0, the highest n − 1.
 * - Otherwise options rank by `order`, listed best first as the survey shows them (Ja / Delvis / Nei, like
 *   the scored questions): the last option earns 0, the first n − 1.
 */
export function shadowOptionPoints(question: Question): number[] {
  const { options } = question;
  if (options.every((option) => option.points !== null)) return options.map((option) => option.points ?? 0);
  const byValue = options.every((option) => option.value !== null);
  const ranked = options.map((option, index) => ({
    index,
    key: byValue ? (option.value ?? 0) : -option.order,
  }));
  ranked.sort((a, b) => a.key - b.key || a.index - b.index);
  const points = new Array<number>(options.length).fill(0);
  ranked.forEach((entry, rank) => {
    points[entry.index] = rank;
  });
  return points;
}
