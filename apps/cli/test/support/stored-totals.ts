import type { Database } from '@ksp/db';
import type { FileTotals } from './large-fieldwork-file';

/** What the database holds, summed in SQL, to compare with the totals of the file that was imported. */
export async function storedTotals(db: Pick<Database, 'sql'>): Promise<FileTotals> {
  const [stored] = await db.sql.query<FileTotals>(
    `SELECT count(*)::int AS rows,
            coalesce(sum(cardinality("answerQuestionIds")), 0)::int AS answers,
            coalesce(sum((SELECT count(*) FROM unnest("answerNotApplicable") AS na WHERE na)), 0)::int AS "notApplicable",
            coalesce(sum((SELECT count(*) FROM jsonb_object_keys("areaComments"))), 0)::int AS comments
     FROM "Evaluation"`,
  );
  if (!stored) throw new Error('no totals');
  return stored;
}
