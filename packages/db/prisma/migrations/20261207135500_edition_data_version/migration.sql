-- CreateTable
CREATE TABLE "EditionDataVersion" (
    "editionId" INTEGER NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 1,

    CONSTRAINT "EditionDataVersion_pkey" PRIMARY KEY ("editionId")
);

-- CreateTable
CREATE TABLE "EditionDataChange" (
    "txid" BIGINT NOT NULL,
    "editionId" INTEGER NOT NULL,

    CONSTRAINT "EditionDataChange_pkey" PRIMARY KEY ("txid","editionId")
);

-- AddForeignKey
ALTER TABLE "EditionDataVersion" ADD CONSTRAINT "EditionDataVersion_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written below (Prisma's datamodel cannot express triggers).
--
-- One data version per edition, kept by the database: every write that changes an edition's results
-- (evaluations, participants, companies, industries, the definition, the edition's scoring and award rules)
-- bumps "EditionDataVersion"."version" in the writing transaction, so caches keyed by it (every API replica's
-- results cache) never depend on client clocks or on which process wrote. A bump also sends
-- NOTIFY edition_data '<schema>:<editionId>:<version>', delivered to listeners when the transaction commits.
--
-- How: statement-level AFTER triggers with transition tables note the editions a statement touched in
-- "EditionDataChange" (one row per transaction and edition, however many rows the statement wrote), and a
-- deferred constraint trigger on that table bumps them all once, at COMMIT, in edition order, then removes the
-- notes. So a 100k-row import bumps its edition once, and the version row's lock is held only from the bump to
-- the commit (not for the whole import, which would make every other write to the edition wait for it). The
-- edition order keeps two transactions that bump the same editions from deadlocking.

INSERT INTO "EditionDataVersion" ("editionId") SELECT "id" FROM "Edition";

-- Notes the editions changed by the running transaction (its own rows only: txid keeps transactions apart, so
-- one never waits for another's uncommitted note).
CREATE FUNCTION "ksp_note_edition_data_change"(edition_ids integer[]) RETURNS void
LANGUAGE sql SET search_path FROM CURRENT AS $$
  INSERT INTO "EditionDataChange" ("txid", "editionId")
  SELECT DISTINCT txid_current(), id FROM unnest(edition_ids) AS id WHERE id IS NOT NULL
  ON CONFLICT DO NOTHING
$$;

-- At COMMIT (deferred): the first note's event bumps every edition the transaction noted and deletes the
-- notes; the events of the other notes then find nothing left. Editions deleted in the transaction are skipped
-- (their delete is notified by "ksp_edition_data_edition").
CREATE FUNCTION "ksp_bump_edition_data_versions"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  bumped record;
BEGIN
  FOR bumped IN
    WITH noted AS (
      DELETE FROM "EditionDataChange" WHERE "txid" = NEW."txid" RETURNING "editionId"
    )
    INSERT INTO "EditionDataVersion" AS d ("editionId")
    SELECT e."id" FROM "Edition" e WHERE e."id" IN (SELECT "editionId" FROM noted) ORDER BY e."id"
    ON CONFLICT ("editionId") DO UPDATE SET "version" = d."version" + 1
    RETURNING d."editionId", d."version"
  LOOP
    PERFORM pg_notify('edition_data', format('%s:%s:%s', current_schema(), bumped."editionId", bumped."version"));
  END LOOP;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "EditionDataChange_bump" AFTER INSERT ON "EditionDataChange"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "ksp_bump_edition_data_versions"();

-- Tables whose rows carry "editionId": evaluations, participants and the definition.
CREATE FUNCTION "ksp_edition_data_rows"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "ksp_note_edition_data_change"(ARRAY(SELECT DISTINCT "editionId" FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "ksp_note_edition_data_change"(ARRAY(SELECT "editionId" FROM new_rows UNION SELECT "editionId" FROM old_rows));
  ELSE
    PERFORM "ksp_note_edition_data_change"(ARRAY(SELECT DISTINCT "editionId" FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;

-- A company's key, name or industry is in the results of every edition it takes part in. Inserted companies
-- take part in nothing yet; a deleted one's participations are deleted with it (and note their editions).
CREATE FUNCTION "ksp_edition_data_company"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  PERFORM "ksp_note_edition_data_change"(ARRAY(
    SELECT DISTINCT p."editionId"
    FROM new_rows n JOIN old_rows o ON o."id" = n."id"
    JOIN "CompanyParticipation" p ON p."companyId" IN (n."id", o."id")
    WHERE (to_jsonb(n) - 'version') IS DISTINCT FROM (to_jsonb(o) - 'version')));
  RETURN NULL;
END
$$;

-- An industry's key or name is in the results of every edition in which a company competes in it.
-- An industry in use cannot be deleted (foreign keys), and a new one is in use nowhere.
CREATE FUNCTION "ksp_edition_data_industry"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  PERFORM "ksp_note_edition_data_change"(ARRAY(
    SELECT DISTINCT p."editionId"
    FROM new_rows n JOIN old_rows o ON o."id" = n."id"
    JOIN "CompanyParticipation" p ON p."industryId" IN (n."id", o."id")
    WHERE (to_jsonb(n) - 'version') IS DISTINCT FROM (to_jsonb(o) - 'version')));
  RETURN NULL;
END
$$;

-- The edition row itself: a new edition starts at version 1; a change of anything but its optimistic-locking
-- version and client-stamped updatedAt (scoring and award rules, key, year, name, status, …) bumps it. The
-- version lives in its own table, so this never updates "Edition" from a trigger on "Edition". A deleted
-- edition's version row goes with it (cascade); listeners are told with a notification without a version.
CREATE FUNCTION "ksp_edition_data_edition"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  gone record;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "EditionDataVersion" ("editionId") SELECT "id" FROM new_rows ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "ksp_note_edition_data_change"(ARRAY(
      SELECT n."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id"
      WHERE (to_jsonb(n) - 'version' - 'updatedAt') IS DISTINCT FROM (to_jsonb(o) - 'version' - 'updatedAt')));
  ELSE
    FOR gone IN SELECT "id" FROM old_rows LOOP
      PERFORM pg_notify('edition_data', format('%s:%s', current_schema(), gone."id"));
    END LOOP;
  END IF;
  RETURN NULL;
END
$$;

-- Transition tables allow one event per trigger: three triggers per table.
CREATE TRIGGER "Evaluation_data_insert" AFTER INSERT ON "Evaluation"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_edition_data_rows"();
CREATE TRIGGER "Evaluation_data_update" AFTER UPDATE ON "Evaluation"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_edition_data_rows"();
CREATE TRIGGER "Evaluation_data_delete" AFTER DELETE ON "Evaluation"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_edition_data_rows"();

CREATE TRIGGER "CompanyParticipation_data_insert" AFTER INSERT ON "CompanyParticipation"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_edition_data_rows"();
CREATE TRIGGER "CompanyParticipation_data_update" AFTER UPDATE ON "CompanyParticipation"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_edition_data_rows"();
CREATE TRIGGER "CompanyParticipation_data_delete" AFTER DELETE ON "CompanyParticipation"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_edition_data_rows"();

CREATE TRIGGER "ChannelRule_data_insert" AFTER INSERT ON "ChannelRule"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_edition_data_rows"();
CREATE TRIGGER "ChannelRule_data_update" AFTER UPDATE ON "ChannelRule"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_edition_data_rows"();
CREATE TRIGGER "ChannelRule_data_delete" AFTER DELETE ON "ChannelRule"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_edition_data_rows"();

CREATE TRIGGER "Area_data_insert" AFTER INSERT ON "Area"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_edition_data_rows"();
CREATE TRIGGER "Area_data_update" AFTER UPDATE ON "Area"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_edition_data_rows"();
CREATE TRIGGER "Area_data_delete" AFTER DELETE ON "Area"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_edition_data_rows"();

CREATE TRIGGER "Performance_data_insert" AFTER INSERT ON "Performance"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_edition_data_rows"();
CREATE TRIGGER "Performance_data_update" AFTER UPDATE ON "Performance"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_edition_data_rows"();
CREATE TRIGGER "Performance_data_delete" AFTER DELETE ON "Performance"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_edition_data_rows"();

CREATE TRIGGER "Question_data_insert" AFTER INSERT ON "Question"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_edition_data_rows"();
CREATE TRIGGER "Question_data_update" AFTER UPDATE ON "Question"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_edition_data_rows"();
CREATE TRIGGER "Question_data_delete" AFTER DELETE ON "Question"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_edition_data_rows"();

CREATE TRIGGER "AnswerOption_data_insert" AFTER INSERT ON "AnswerOption"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_edition_data_rows"();
CREATE TRIGGER "AnswerOption_data_update" AFTER UPDATE ON "AnswerOption"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_edition_data_rows"();
CREATE TRIGGER "AnswerOption_data_delete" AFTER DELETE ON "AnswerOption"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_edition_data_rows"();

CREATE TRIGGER "Company_data_update" AFTER UPDATE ON "Company"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_edition_data_company"();

CREATE TRIGGER "Industry_data_update" AFTER UPDATE ON "Industry"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_edition_data_industry"();

CREATE TRIGGER "Edition_data_insert" AFTER INSERT ON "Edition"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_edition_data_edition"();
CREATE TRIGGER "Edition_data_update" AFTER UPDATE ON "Edition"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_edition_data_edition"();
CREATE TRIGGER "Edition_data_delete" AFTER DELETE ON "Edition"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ksp_edition_data_edition"();
