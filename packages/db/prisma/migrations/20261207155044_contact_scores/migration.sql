-- CreateTable
CREATE TABLE "EditionScoring" (
    "editionId" INTEGER NOT NULL,
    "definitionVersion" BIGINT NOT NULL DEFAULT 1,

    CONSTRAINT "EditionScoring_pkey" PRIMARY KEY ("editionId")
);

-- CreateTable
CREATE TABLE "ContactScore" (
    "evaluationId" UUID NOT NULL,
    "editionId" INTEGER NOT NULL,
    "companyId" INTEGER NOT NULL,
    "channelKey" TEXT NOT NULL,
    "definitionVersion" BIGINT NOT NULL,
    "answered" BOOLEAN NOT NULL,
    "total" BIGINT,
    "answeredTotal" BIGINT,
    "criticalZeroed" BOOLEAN NOT NULL,
    "partCounted" INTEGER[],
    "partEarned" BIGINT[],
    "partPossible" BIGINT[],
    "partPercentage" BIGINT[],
    "partShadowCounted" INTEGER[],
    "partShadowEarned" BIGINT[],
    "partShadowPossible" BIGINT[],
    "partShadowPercentage" BIGINT[],
    "cxCSAT" DOUBLE PRECISION,
    "cxCES" DOUBLE PRECISION,
    "cxNPS" DOUBLE PRECISION,
    "cxVES1" DOUBLE PRECISION,
    "cxVES2" DOUBLE PRECISION,
    "csatSatisfied" INTEGER,
    "npsPromoter" INTEGER,
    "npsDetractor" INTEGER,

    CONSTRAINT "ContactScore_pkey" PRIMARY KEY ("evaluationId")
);

-- CreateIndex
CREATE INDEX "ContactScore_editionId_companyId_idx" ON "ContactScore"("editionId", "companyId");

-- AddForeignKey
ALTER TABLE "EditionScoring" ADD CONSTRAINT "EditionScoring_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written below (Prisma's datamodel cannot express triggers or storage parameters).
--
-- A contact's score row stays uncompressed and in line up to a full page: results sum its arrays position by
-- position (`sum("partEarned"[k])`, one subscript per part and figure), and a compressed (TOASTed) array would be
-- decompressed again for every subscript — 40× slower for a definition of ~40 parts, whose rows pass the default
-- 2 kB threshold.
ALTER TABLE "ContactScore" SET (toast_tuple_target = 8160);
--
-- Stored contact scores stay true to what they were scored from, whoever writes:
-- * An UPDATE of an evaluation deletes its score, so an evaluation changed by any statement (not only by the
--   repositories, which score it again in the same transaction) is scored again before results are summed.
-- * Every change of an edition's definition (channels, areas, performances, questions, options, the edition's
--   scoring rules) bumps "EditionScoring"."definitionVersion": scores of an older version are stale. Writers
--   stamp a score with the version they read BEFORE the definition they scored with, so a score computed
--   against a definition that changed meanwhile carries an old version and is never taken for current.

CREATE FUNCTION "ksp_bump_definition_version"(edition_ids integer[]) RETURNS void
LANGUAGE sql SET search_path FROM CURRENT AS $$
  INSERT INTO "EditionScoring" AS s ("editionId", "definitionVersion")
  SELECT e."id", 2 FROM "Edition" e WHERE e."id" = ANY(edition_ids) ORDER BY e."id"
  ON CONFLICT ("editionId") DO UPDATE SET "definitionVersion" = s."definitionVersion" + 1
$$;

CREATE FUNCTION "ksp_definition_rows_changed"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "ksp_bump_definition_version"(ARRAY(SELECT DISTINCT "editionId" FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "ksp_bump_definition_version"(ARRAY(SELECT "editionId" FROM new_rows UNION SELECT "editionId" FROM old_rows));
  ELSE
    PERFORM "ksp_bump_definition_version"(ARRAY(SELECT DISTINCT "editionId" FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;

-- The edition's own scoring rules (area and contact weighting, the headline area) are part of its definition.
CREATE FUNCTION "ksp_edition_scoring_changed"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  PERFORM "ksp_bump_definition_version"(ARRAY(
    SELECT n."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id" WHERE n."scoring" IS DISTINCT FROM o."scoring"));
  RETURN NULL;
END
$$;

CREATE FUNCTION "ksp_evaluation_scores_stale"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  DELETE FROM "ContactScore" s USING new_rows n WHERE s."evaluationId" = n."id";
  RETURN NULL;
END
$$;

-- No foreign keys on "ContactScore" (a bulk import would check two keys per contact): a deleted evaluation's
-- score goes with it here, once per statement (an edition's delete cascades to its evaluations, so to this).
CREATE FUNCTION "ksp_evaluation_scores_deleted"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  DELETE FROM "ContactScore" s USING old_rows o WHERE s."evaluationId" = o."id";
  RETURN NULL;
END
$$;

CREATE TRIGGER "Evaluation_scores_deleted" AFTER DELETE ON "Evaluation"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_evaluation_scores_deleted"();

CREATE TRIGGER "Evaluation_scores_stale" AFTER UPDATE ON "Evaluation"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_evaluation_scores_stale"();

CREATE TRIGGER "Edition_scoring_changed" AFTER UPDATE ON "Edition"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_edition_scoring_changed"();

CREATE TRIGGER "ChannelRule_definition_insert" AFTER INSERT ON "ChannelRule"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_definition_rows_changed"();
CREATE TRIGGER "ChannelRule_definition_update" AFTER UPDATE ON "ChannelRule"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_definition_rows_changed"();
CREATE TRIGGER "ChannelRule_definition_delete" AFTER DELETE ON "ChannelRule"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_definition_rows_changed"();

CREATE TRIGGER "Area_definition_insert" AFTER INSERT ON "Area"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_definition_rows_changed"();
CREATE TRIGGER "Area_definition_update" AFTER UPDATE ON "Area"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_definition_rows_changed"();
CREATE TRIGGER "Area_definition_delete" AFTER DELETE ON "Area"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_definition_rows_changed"();

CREATE TRIGGER "Performance_definition_insert" AFTER INSERT ON "Performance"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_definition_rows_changed"();
CREATE TRIGGER "Performance_definition_update" AFTER UPDATE ON "Performance"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_definition_rows_changed"();
CREATE TRIGGER "Performance_definition_delete" AFTER DELETE ON "Performance"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_definition_rows_changed"();

CREATE TRIGGER "Question_definition_insert" AFTER INSERT ON "Question"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_definition_rows_changed"();
CREATE TRIGGER "Question_definition_update" AFTER UPDATE ON "Question"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_definition_rows_changed"();
CREATE TRIGGER "Question_definition_delete" AFTER DELETE ON "Question"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_definition_rows_changed"();

CREATE TRIGGER "AnswerOption_definition_insert" AFTER INSERT ON "AnswerOption"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_definition_rows_changed"();
CREATE TRIGGER "AnswerOption_definition_update" AFTER UPDATE ON "AnswerOption"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_definition_rows_changed"();
CREATE TRIGGER "AnswerOption_definition_delete" AFTER DELETE ON "AnswerOption"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_definition_rows_changed"();
