-- Answers move from one "Answer" row per answered question (~27 per contact) into parallel arrays on their
-- evaluation, and area comments (~3 per contact) from "AreaComment" rows into a JSON object on it: bulk imports
-- write one row per contact, and the results read one row per contact. The per-answer foreign keys become
-- set-based checks: one trigger per statement checks (and locks, as a foreign key does) the distinct questions,
-- options and areas a statement's evaluations name, instead of two or three index probes per answer and comment.

-- AlterTable
ALTER TABLE "Evaluation" ADD COLUMN     "answerNotApplicable" BOOLEAN[] DEFAULT ARRAY[]::BOOLEAN[],
ADD COLUMN     "answerOptionIds" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "answerQuestionIds" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "answerTexts" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "areaComments" JSONB NOT NULL DEFAULT '{}';

-- Existing answers, in question-id order (the order the API listed them in).
UPDATE "Evaluation" e
SET "answerQuestionIds" = a.questions, "answerOptionIds" = a.options, "answerNotApplicable" = a.not_applicable,
    "answerTexts" = a.texts
FROM (
  SELECT "evaluationId",
         array_agg("questionId" ORDER BY "questionId") AS questions,
         array_agg(coalesce("optionId", 0) ORDER BY "questionId") AS options,
         array_agg("notApplicable" ORDER BY "questionId") AS not_applicable,
         coalesce(jsonb_object_agg("questionId"::text, "text") FILTER (WHERE "text" IS NOT NULL), '{}') AS texts
  FROM "Answer" GROUP BY "evaluationId"
) a
WHERE a."evaluationId" = e."id";

UPDATE "Evaluation" e SET "areaComments" = c.comments
FROM (SELECT "evaluationId", jsonb_object_agg("areaId"::text, "text") AS comments FROM "AreaComment" GROUP BY "evaluationId") c
WHERE c."evaluationId" = e."id";

-- DropForeignKey
ALTER TABLE "AreaComment" DROP CONSTRAINT "AreaComment_editionId_areaId_fkey";

-- DropForeignKey
ALTER TABLE "AreaComment" DROP CONSTRAINT "AreaComment_editionId_evaluationId_fkey";

-- DropTable
DROP TABLE "AreaComment";

-- DropForeignKey
ALTER TABLE "Answer" DROP CONSTRAINT "Answer_editionId_evaluationId_fkey";

-- DropForeignKey
ALTER TABLE "Answer" DROP CONSTRAINT "Answer_editionId_questionId_fkey";

-- DropForeignKey
ALTER TABLE "Answer" DROP CONSTRAINT "Answer_questionId_optionId_fkey";

-- DropTable
DROP TABLE "Answer";

-- The arrays are parallel and never null (Prisma models lists without NOT NULL; this says it once).
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_answers_parallel" CHECK (
  "answerQuestionIds" IS NOT NULL AND "answerOptionIds" IS NOT NULL AND "answerNotApplicable" IS NOT NULL
  AND cardinality("answerOptionIds") = cardinality("answerQuestionIds")
  AND cardinality("answerNotApplicable") = cardinality("answerQuestionIds")
  AND 0 <> ALL ("answerQuestionIds")
  AND jsonb_typeof("answerTexts") = 'object' AND jsonb_typeof("areaComments") = 'object'
);

-- What the foreign keys of "Answer" and "AreaComment" did, once per statement: every question an evaluation
-- answers is a question of its edition, every option one of that question's, no question is answered twice, and
-- every area commented on is an area of the edition. The distinct questions, options and areas named (a few
-- hundred, however many rows) are locked FOR KEY SHARE as a foreign key locks its parent row, so a concurrent
-- delete of one waits for this transaction and then finds the answer (ksp_refuse_answered_delete); fewer locked
-- than named means some do not exist.
CREATE FUNCTION "ksp_check_packed_answers"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  named bigint;
  present bigint;
  named_options bigint;
  present_options bigint;
  bad record;
BEGIN
  -- One pass over the answers: the distinct (edition, question, option) named. Question ids are unique across
  -- editions, so a question appears with one edition unless an answer names another edition's question, which
  -- the question count then catches.
  WITH named AS MATERIALIZED (
    SELECT DISTINCT n."editionId" AS edition, x.question, x.option
    FROM new_evaluations n, unnest(n."answerQuestionIds", n."answerOptionIds") AS x(question, option)
  ), questions AS (
    SELECT DISTINCT edition, question FROM named
  ), options AS (
    SELECT DISTINCT question, option FROM named WHERE option <> 0
  )
  SELECT (SELECT count(*) FROM questions),
         (SELECT count(*) FROM (SELECT 1 FROM "Question" q
                                JOIN questions ON q."editionId" = questions.edition AND q."id" = questions.question
                                FOR KEY SHARE OF q) AS locked),
         (SELECT count(*) FROM options),
         (SELECT count(*) FROM (SELECT 1 FROM "AnswerOption" o
                                JOIN options ON o."questionId" = options.question AND o."id" = options.option
                                FOR KEY SHARE OF o) AS locked)
  INTO named, present, named_options, present_options;
  IF present < named THEN
    SELECT n."contactId", x.question INTO bad
    FROM new_evaluations n, unnest(n."answerQuestionIds") AS x(question)
    WHERE NOT EXISTS (SELECT 1 FROM "Question" q WHERE q."editionId" = n."editionId" AND q."id" = x.question)
    LIMIT 1;
    RAISE EXCEPTION 'evaluation "%" answers question % which is not in its edition', bad."contactId", bad.question
      USING ERRCODE = 'foreign_key_violation',
            DETAIL = format('Key (editionId, questionId)=(…, %s) is not present in table "Question".', bad.question);
  END IF;

  IF present_options < named_options THEN
    SELECT n."contactId", x.question, x.option INTO bad
    FROM new_evaluations n, unnest(n."answerQuestionIds", n."answerOptionIds") AS x(question, option)
    WHERE x.option <> 0
      AND NOT EXISTS (SELECT 1 FROM "AnswerOption" o WHERE o."questionId" = x.question AND o."id" = x.option)
    LIMIT 1;
    RAISE EXCEPTION 'evaluation "%" chooses option % which is not an option of question %',
      bad."contactId", bad.option, bad.question
      USING ERRCODE = 'foreign_key_violation',
            DETAIL = format('Key (questionId, optionId)=(%s, %s) is not present in table "AnswerOption".',
                            bad.question, bad.option);
  END IF;

  WITH areas AS MATERIALIZED (
    SELECT DISTINCT n."editionId", x.area::int AS area FROM new_evaluations n, jsonb_object_keys(n."areaComments") AS x(area)
  )
  SELECT (SELECT count(*) FROM areas),
         (SELECT count(*) FROM (SELECT 1 FROM "Area" a
                                JOIN areas ON a."editionId" = areas."editionId" AND a."id" = areas.area
                                FOR KEY SHARE OF a) AS locked)
  INTO named, present;
  IF present < named THEN
    SELECT n."contactId", x.area INTO bad
    FROM new_evaluations n, jsonb_object_keys(n."areaComments") AS x(area)
    WHERE NOT EXISTS (SELECT 1 FROM "Area" a WHERE a."editionId" = n."editionId" AND a."id" = x.area::int)
    LIMIT 1;
    RAISE EXCEPTION 'evaluation "%" comments on area % which is not in its edition', bad."contactId", bad.area
      USING ERRCODE = 'foreign_key_violation',
            DETAIL = format('Key (editionId, areaId)=(…, %s) is not present in table "Area".', bad.area);
  END IF;

  SELECT n."contactId" INTO bad FROM new_evaluations n
  WHERE cardinality(n."answerQuestionIds") > (SELECT count(DISTINCT x) FROM unnest(n."answerQuestionIds") AS x)
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'evaluation "%" answers a question twice', bad."contactId"
      USING ERRCODE = 'unique_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Evaluation_answers_insert" AFTER INSERT ON "Evaluation"
  REFERENCING NEW TABLE AS new_evaluations FOR EACH STATEMENT EXECUTE FUNCTION "ksp_check_packed_answers"();
CREATE TRIGGER "Evaluation_answers_update" AFTER UPDATE ON "Evaluation"
  REFERENCING NEW TABLE AS new_evaluations FOR EACH STATEMENT EXECUTE FUNCTION "ksp_check_packed_answers"();

-- The delete side of those keys (NO ACTION): a question, option or area that an evaluation answers, chooses or
-- comments on cannot be deleted. Checked at commit, after cascades (deleting a whole edition removes its
-- evaluations too). Deletes of definition rows are rare, so one check per row is fine.
CREATE FUNCTION "ksp_refuse_answered_delete"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF TG_TABLE_NAME = 'Question' AND EXISTS (
       SELECT 1 FROM "Evaluation" e WHERE e."editionId" = OLD."editionId" AND OLD."id" = ANY (e."answerQuestionIds")) THEN
    RAISE EXCEPTION 'question "%" is answered in evaluations of its edition: it cannot be deleted', OLD."key"
      USING ERRCODE = 'foreign_key_violation';
  ELSIF TG_TABLE_NAME = 'AnswerOption' AND EXISTS (
       SELECT 1 FROM "Evaluation" e WHERE e."editionId" = OLD."editionId" AND OLD."id" = ANY (e."answerOptionIds")) THEN
    RAISE EXCEPTION 'option "%" is chosen in evaluations of its edition: it cannot be deleted', OLD."key"
      USING ERRCODE = 'foreign_key_violation';
  ELSIF TG_TABLE_NAME = 'Area' AND EXISTS (
       SELECT 1 FROM "Evaluation" e WHERE e."editionId" = OLD."editionId" AND e."areaComments" ? OLD."id"::text) THEN
    RAISE EXCEPTION 'area "%" has comments in evaluations of its edition: it cannot be deleted', OLD."key"
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "Question_answered" AFTER DELETE ON "Question"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "ksp_refuse_answered_delete"();
CREATE CONSTRAINT TRIGGER "AnswerOption_chosen" AFTER DELETE ON "AnswerOption"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "ksp_refuse_answered_delete"();
CREATE CONSTRAINT TRIGGER "Area_commented" AFTER DELETE ON "Area"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "ksp_refuse_answered_delete"();
