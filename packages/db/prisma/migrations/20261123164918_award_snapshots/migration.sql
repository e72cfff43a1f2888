-- CreateTable
CREATE TABLE "AwardSnapshot" (
    "id" UUID NOT NULL,
    "editionId" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL,
    "reason" TEXT,
    "rulesVersion" TEXT NOT NULL,
    "rulesHash" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "payload" JSONB NOT NULL,

    CONSTRAINT "AwardSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AwardSnapshot_editionId_revision_key" ON "AwardSnapshot"("editionId", "revision");

-- AddForeignKey
ALTER TABLE "AwardSnapshot" ADD CONSTRAINT "AwardSnapshot_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AwardSnapshot" ADD CONSTRAINT "AwardSnapshot_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written below (Prisma's datamodel cannot express checks and triggers).

-- A revision is a whole number from 1, and every correction (revision 2 onwards) says why it exists.
ALTER TABLE "AwardSnapshot" ADD CONSTRAINT "AwardSnapshot_revision_check" CHECK ("revision" >= 1);
ALTER TABLE "AwardSnapshot" ADD CONSTRAINT "AwardSnapshot_reason_check"
  CHECK ("revision" = 1 OR length(btrim(coalesce("reason", ''))) > 0);

-- Frozen results never change: UPDATE, DELETE and TRUNCATE are refused (SQLSTATE KS003). A correction is a new row.
CREATE FUNCTION "ksp_guard_award_snapshot"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- Only published results are frozen, and revisions follow each other without gaps (SQLSTATE KS004).
    IF NOT EXISTS (SELECT 1 FROM "Edition" WHERE "id" = NEW."editionId" AND "status" <> 'draft') THEN
      RAISE EXCEPTION 'award snapshots are only taken of published or closed editions' USING ERRCODE = 'KS004';
    END IF;
    IF NEW."revision" <> 1 + coalesce((SELECT max("revision") FROM "AwardSnapshot" WHERE "editionId" = NEW."editionId"), 0) THEN
      RAISE EXCEPTION 'award snapshot revision % does not follow the latest revision', NEW."revision" USING ERRCODE = 'KS004';
    END IF;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'award snapshots are frozen: % is not allowed (store a new revision instead)', TG_OP
    USING ERRCODE = 'KS003';
END
$$;

CREATE TRIGGER "AwardSnapshot_guard" BEFORE INSERT OR UPDATE OR DELETE ON "AwardSnapshot"
  FOR EACH ROW EXECUTE FUNCTION "ksp_guard_award_snapshot"();
CREATE TRIGGER "AwardSnapshot_no_truncate" BEFORE TRUNCATE ON "AwardSnapshot"
  FOR EACH STATEMENT EXECUTE FUNCTION "ksp_guard_award_snapshot"();

-- Lineage is comparability metadata, not survey definition: an admin may correct an item's lineage mark
-- (and its version) in a published or closed edition. Everything else about the row stays read-only.
CREATE OR REPLACE FUNCTION "ksp_guard_edition_definition"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  edition_ids integer[];
  locked record;
BEGIN
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME IN ('Area', 'Performance', 'Question')
     AND (to_jsonb(NEW) - 'lineage' - 'version') = (to_jsonb(OLD) - 'lineage' - 'version') THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    edition_ids := ARRAY[NEW."editionId"];
  ELSIF TG_OP = 'DELETE' THEN
    edition_ids := ARRAY[OLD."editionId"];
  ELSE
    edition_ids := ARRAY[OLD."editionId", NEW."editionId"];
  END IF;
  SELECT "key", "status" INTO locked FROM "Edition" WHERE "id" = ANY (edition_ids) AND "status" <> 'draft' LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'edition % is %: its definition is read-only', locked."key", locked."status"
      USING ERRCODE = 'KS001', DETAIL = format('%s on %s was refused', TG_OP, TG_TABLE_NAME);
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;
