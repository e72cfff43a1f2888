-- Hand-written: a published or closed edition's definition is read-only, and an edition's status only moves
-- forward (draft -> published -> closed). Prisma's datamodel cannot express triggers, so they live here.
-- Error codes: KS001 = read-only definition, KS002 = status going back. The data layer maps them to typed errors.
-- `SET search_path FROM CURRENT` pins the functions to the schema they were created in, whatever the caller's path.

CREATE FUNCTION "ksp_guard_edition"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."status" <> 'draft' THEN
      RAISE EXCEPTION 'edition % is %: it cannot be deleted', OLD."key", OLD."status" USING ERRCODE = 'KS001';
    END IF;
    RETURN OLD;
  END IF;
  -- Enum values compare in declaration order: draft < published < closed.
  IF NEW."status" < OLD."status" THEN
    RAISE EXCEPTION 'edition % cannot go back from % to %', OLD."key", OLD."status", NEW."status" USING ERRCODE = 'KS002';
  END IF;
  IF OLD."status" <> 'draft' AND
     (NEW."key", NEW."year", NEW."name", NEW."locales", NEW."derivedFromId", NEW."scoring", NEW."awards") IS DISTINCT FROM
     (OLD."key", OLD."year", OLD."name", OLD."locales", OLD."derivedFromId", OLD."scoring", OLD."awards") THEN
    RAISE EXCEPTION 'edition % is %: its definition is read-only', OLD."key", OLD."status" USING ERRCODE = 'KS001';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "Edition_guard" BEFORE UPDATE OR DELETE ON "Edition"
  FOR EACH ROW EXECUTE FUNCTION "ksp_guard_edition"();

-- Definition rows (channels, areas, performances, questions, options) of a non-draft edition cannot be
-- inserted, updated or deleted. Both the old and the new edition are checked, so rows cannot be moved out either.
CREATE FUNCTION "ksp_guard_edition_definition"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  edition_ids integer[];
  locked record;
BEGIN
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

CREATE TRIGGER "ChannelRule_guard" BEFORE INSERT OR UPDATE OR DELETE ON "ChannelRule"
  FOR EACH ROW EXECUTE FUNCTION "ksp_guard_edition_definition"();
CREATE TRIGGER "Area_guard" BEFORE INSERT OR UPDATE OR DELETE ON "Area"
  FOR EACH ROW EXECUTE FUNCTION "ksp_guard_edition_definition"();
CREATE TRIGGER "Performance_guard" BEFORE INSERT OR UPDATE OR DELETE ON "Performance"
  FOR EACH ROW EXECUTE FUNCTION "ksp_guard_edition_definition"();
CREATE TRIGGER "Question_guard" BEFORE INSERT OR UPDATE OR DELETE ON "Question"
  FOR EACH ROW EXECUTE FUNCTION "ksp_guard_edition_definition"();
CREATE TRIGGER "AnswerOption_guard" BEFORE INSERT OR UPDATE OR DELETE ON "AnswerOption"
  FOR EACH ROW EXECUTE FUNCTION "ksp_guard_edition_definition"();
