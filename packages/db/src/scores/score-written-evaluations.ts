import {
  type CompiledEdition,
  type ContactContribution,
  compileEdition,
  contactContributions,
  type Edition,
  type Evaluation,
} from '@ksp/domain';
import type { SqlExecutor } from '../database/sql-driver';
import type { EditionLookup } from '../repositories/edition-lookup';
import { scoreLayout } from './score-layout';
import { type ScoreStamp, writeContactScores } from './write-contact-scores';

const compiledEditions = new WeakMap<Edition, CompiledEdition>();

/** The edition compiled for scoring once per loaded edition (a bulk write scores many batches with it). */
export function compiledFor(edition: Edition): CompiledEdition {
  let compiled = compiledEditions.get(edition);
  if (!compiled) {
    compiled = compileEdition(edition);
    compiledEditions.set(edition, compiled);
  }
  return compiled;
}

/** How contacts scored now under the lookup's definition are stamped. */
export function scoreStamp(lookup: EditionLookup, compiled: CompiledEdition): ScoreStamp {
  return {
    editionId: lookup.id,
    definitionVersion: lookup.definitionVersion,
    layout: scoreLayout(compiled),
  };
}

/** An evaluation just written, with the database ids its score is stored under. */
export interface WrittenEvaluation {
  evaluationId: string;
  companyId: number;
  evaluation: Evaluation;
}

/**
 * Scores evaluations written in the running transaction (`tx`) with the domain and stores their scores in it:
 * a contact's score commits or rolls back with the contact. Stamped with the definition version read before
 * the lookup's definition, so a definition changed since scores them again before results are summed.
 */
export async function scoreWrittenEvaluations(
  tx: SqlExecutor,
  lookup: EditionLookup,
  written: readonly WrittenEvaluation[],
): Promise<void> {
  if (written.length === 0) return;
  const compiled = compiledFor(lookup.edition);
  const contributions = contactContributions(
    compiled,
    written.map((w) => w.evaluation),
  );
  await writeContactScores(
    tx,
    scoreStamp(lookup, compiled),
    written.map((w, i) => ({
      evaluationId: w.evaluationId,
      companyId: w.companyId,
      contribution: contributions[i] as ContactContribution,
    })),
  );
}
