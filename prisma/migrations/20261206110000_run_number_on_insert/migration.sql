-- A run takes its graph's next number in the INSERT itself: a BEFORE INSERT trigger moves Graph."lastRunNumber" on
-- and writes it into the new row. Creating a run is then one statement, not an interactive transaction of three round
-- trips holding a pooled connection and the graph's row lock in between (under a burst of webhook deliveries those
-- transactions waited for connections and failed). The UPDATE still holds the graph's row lock until the inserting
-- transaction ends, so numbers never repeat, and an insert that fails or rolls back gives its number back.
-- "number" has a default only so that the client may leave it out: whatever an INSERT says, the trigger decides.
-- The migration runner (@prisma/adapter-pg's executeScript) splits a script at every semicolon, quoted or not (comments too), so the
-- function body writes each semicolon as the escape \073 of an E'' string.
ALTER TABLE "Run" ALTER COLUMN "number" SET DEFAULT 0;

CREATE FUNCTION "studio_take_run_number"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "Graph" SET "lastRunNumber" = "lastRunNumber" + 1 WHERE id = NEW."graphId" RETURNING "lastRunNumber" INTO NEW."number"\073
  IF NEW."number" IS NULL THEN
    RAISE EXCEPTION ''Graph % does not exist: a run cannot be numbered'', NEW."graphId"\073
  END IF\073
  RETURN NEW\073
END
';

CREATE TRIGGER "Run_take_number" BEFORE INSERT ON "Run" FOR EACH ROW EXECUTE FUNCTION "studio_take_run_number"();
