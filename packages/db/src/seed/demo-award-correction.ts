import type { Edition, Evaluation } from '@ksp/domain';

/** The demo's correction after KSP23's results were published: one answer of one evaluation was entered wrongly. */
export interface DemoCorrection {
  editionKey: string;
  contactId: string;
  questionKey: string;
  /** The option the observer really chose (the question's 0-point option). */
  optionKey: string;
  reason: string;
}

export const DEMO_CORRECTED_EDITION = 'KSP23';

/**
 * Picks the correction deterministically from the published (revision 1) ranking: the top company's first
 * answered contact (by contact id) with a scored, non-bonus choice answer worth points, corrected to the
 * question's 0-point option. Null when no such answer exists.
 */
export function demoCorrection(
  edition: Edition,
  evaluations: readonly Evaluation[],
  topCompanyKey: string | null,
): DemoCorrection | null {
  if (topCompanyKey === null) return null;
  const questions = new Map(
    edition.areas.flatMap((a) =>
      a.counting === 'scored'
        ? a.performances.flatMap((p) => p.questions.map((q) => [q.key, q] as const))
        : [],
    ),
  );
  const own = evaluations
    .filter((e) => e.companyKey === topCompanyKey && e.answered)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const evaluation of own) {
    for (const answer of evaluation.answers) {
      const question = questions.get(answer.questionKey);
      if (!question?.scored || question.bonus || question.type === 'waitingTime' || answer.notApplicable)
        continue;
      const chosen = question.options.find((o) => o.key === answer.optionKey);
      const zero = question.options.find((o) => o.points === 0);
      if (!chosen || !zero || (chosen.points ?? 0) === 0) continue;
      return {
        editionKey: edition.key,
        contactId: evaluation.id,
        questionKey: question.key,
        optionKey: zero.key,
        reason: `Evaluation ${evaluation.id}: the answer to «${question.text.nb}» was entered as «${chosen.label.nb}»; the observer's notes say «${zero.label.nb}». Corrected after publication.`,
      };
    }
  }
  return null;
}

/** The evaluations with the correction applied (a copy; the input is left alone). */
export function applyDemoCorrection(
  evaluations: readonly Evaluation[],
  correction: DemoCorrection | null,
): Evaluation[] {
  return evaluations.map((e) =>
    correction && e.id === correction.contactId
      ? {
          ...e,
          answers: e.answers.map((a) =>
            a.questionKey === correction.questionKey ? { ...a, optionKey: correction.optionKey } : a,
          ),
        }
      : e,
  );
}
