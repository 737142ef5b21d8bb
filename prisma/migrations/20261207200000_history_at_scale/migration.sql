-- History at scale (server/services/run/README.md, server/retention/README.md).
-- The migration runner splits a script at every semicolon, quoted or not (comments too): function bodies write each
-- semicolon as the escape \073 of an E'' string.

-- Error text search: a trigram index on the error message makes ILIKE '%text%' an index lookup.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Run_error_message_trgm_idx" ON "Run" USING gin ((error->>'message') gin_trgm_ops) WHERE (error->>'message') IS NOT NULL;
-- Statistics on the message itself, so the planner knows how common a text is: a common one is found faster by
-- reading the newest runs until the page is full than by fetching every match from all over the table.
CREATE STATISTICS "Run_error_message_stats" ON ((error->>'message')) FROM "Run";

-- The history's filters, newest first within the workspace or graph.
CREATE INDEX "Run_workspaceId_status_createdAt_idx" ON "Run"("workspaceId", "status", "createdAt");
CREATE INDEX "Run_workspaceId_trigger_createdAt_idx" ON "Run"("workspaceId", "trigger", "createdAt");
CREATE INDEX "Run_graphId_status_createdAt_idx" ON "Run"("graphId", "status", "createdAt");
-- Unfinished runs, which the daily stats leave out and the history counts live.
CREATE INDEX "Run_unfinished_workspaceId_createdAt_idx" ON "Run"("workspaceId", "createdAt") WHERE status IN ('queued', 'running', 'waiting');

-- Run retention per workspace.
ALTER TABLE "Workspace" ADD COLUMN "runRetentionDays" INTEGER, ADD COLUMN "failedRunRetentionDays" INTEGER;

-- Finished runs per UTC day, by graph (what a graph or version filter reads) and by workspace (everything else).
-- Both are updated in place by the trigger below: room left in each page keeps those updates HOT.
CREATE TABLE "RunDailyStats" (
    "workspaceId" TEXT NOT NULL,
    "graphId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "graphVersionId" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" "RunStatus" NOT NULL,
    "runs" INTEGER NOT NULL DEFAULT 0,
    "tokens" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "tokenRuns" INTEGER NOT NULL DEFAULT 0,
    "costUsd" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "costRuns" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "RunDailyStats_pkey" PRIMARY KEY ("workspaceId", "graphId", "day", "graphVersionId", "trigger", "status")
) WITH (fillfactor = 70);
ALTER TABLE "RunDailyStats" ADD CONSTRAINT "RunDailyStats_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "WorkspaceRunDailyStats" (
    "workspaceId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" "RunStatus" NOT NULL,
    "runs" INTEGER NOT NULL DEFAULT 0,
    "tokens" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "tokenRuns" INTEGER NOT NULL DEFAULT 0,
    "costUsd" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "costRuns" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "WorkspaceRunDailyStats_pkey" PRIMARY KEY ("workspaceId", "day", "trigger", "status")
) WITH (fillfactor = 70);
ALTER TABLE "WorkspaceRunDailyStats" ADD CONSTRAINT "WorkspaceRunDailyStats_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A run's contribution to both tables (sign 1: add, -1: take away): one run, its tokens and cost when they are
-- numbers (as the history reads them). Unfinished runs contribute nothing.
CREATE FUNCTION "studio_run_daily_stats_apply"(run "Run", sign INTEGER) RETURNS void LANGUAGE plpgsql AS E'
DECLARE
  run_tokens DOUBLE PRECISION := CASE WHEN jsonb_typeof(run.usage->''tokens'') = ''number'' THEN (run.usage->>''tokens'')::float8 END\073
  run_cost DOUBLE PRECISION := CASE WHEN jsonb_typeof(run.usage->''costUsd'') = ''number'' THEN (run.usage->>''costUsd'')::float8 END\073
BEGIN
  IF run.status NOT IN (''succeeded'', ''failed'', ''cancelled'') THEN
    RETURN\073
  END IF\073
  IF sign < 0 THEN
    -- Plain UPDATEs: when a workspace is deleted its stats rows may already be gone, and nothing is to be re-created.
    UPDATE "RunDailyStats" SET runs = runs - 1,
      tokens = tokens - coalesce(run_tokens, 0), "tokenRuns" = "tokenRuns" - (run_tokens IS NOT NULL)::int,
      "costUsd" = "costUsd" - coalesce(run_cost, 0), "costRuns" = "costRuns" - (run_cost IS NOT NULL)::int
    WHERE "workspaceId" = run."workspaceId" AND "graphId" = run."graphId" AND day = run."createdAt"::date
      AND "graphVersionId" = coalesce(run."graphVersionId", '''') AND trigger = run.trigger AND status = run.status\073
    UPDATE "WorkspaceRunDailyStats" SET runs = runs - 1,
      tokens = tokens - coalesce(run_tokens, 0), "tokenRuns" = "tokenRuns" - (run_tokens IS NOT NULL)::int,
      "costUsd" = "costUsd" - coalesce(run_cost, 0), "costRuns" = "costRuns" - (run_cost IS NOT NULL)::int
    WHERE "workspaceId" = run."workspaceId" AND day = run."createdAt"::date AND trigger = run.trigger AND status = run.status\073
    RETURN\073
  END IF\073
  INSERT INTO "RunDailyStats" AS s ("workspaceId", "graphId", day, "graphVersionId", trigger, status, runs, tokens, "tokenRuns", "costUsd", "costRuns")
  VALUES (run."workspaceId", run."graphId", run."createdAt"::date, coalesce(run."graphVersionId", ''''), run.trigger, run.status,
    1, coalesce(run_tokens, 0), (run_tokens IS NOT NULL)::int, coalesce(run_cost, 0), (run_cost IS NOT NULL)::int)
  ON CONFLICT ("workspaceId", "graphId", day, "graphVersionId", trigger, status) DO UPDATE SET
    runs = s.runs + 1, tokens = s.tokens + EXCLUDED.tokens, "tokenRuns" = s."tokenRuns" + EXCLUDED."tokenRuns",
    "costUsd" = s."costUsd" + EXCLUDED."costUsd", "costRuns" = s."costRuns" + EXCLUDED."costRuns"\073
  INSERT INTO "WorkspaceRunDailyStats" AS w ("workspaceId", day, trigger, status, runs, tokens, "tokenRuns", "costUsd", "costRuns")
  VALUES (run."workspaceId", run."createdAt"::date, run.trigger, run.status,
    1, coalesce(run_tokens, 0), (run_tokens IS NOT NULL)::int, coalesce(run_cost, 0), (run_cost IS NOT NULL)::int)
  ON CONFLICT ("workspaceId", day, trigger, status) DO UPDATE SET
    runs = w.runs + 1, tokens = w.tokens + EXCLUDED.tokens, "tokenRuns" = w."tokenRuns" + EXCLUDED."tokenRuns",
    "costUsd" = w."costUsd" + EXCLUDED."costUsd", "costRuns" = w."costRuns" + EXCLUDED."costRuns"\073
END
';

CREATE FUNCTION "studio_run_daily_stats"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP IN (''UPDATE'', ''DELETE'') THEN
    PERFORM "studio_run_daily_stats_apply"(OLD, -1)\073
  END IF\073
  IF TG_OP IN (''INSERT'', ''UPDATE'') THEN
    PERFORM "studio_run_daily_stats_apply"(NEW, 1)\073
  END IF\073
  RETURN NULL\073
END
';

-- Only final runs count, so a run is added once, when it finishes (or is inserted finished), and the frontier and
-- heartbeat updates of a running run never reach the function.
CREATE TRIGGER "Run_daily_stats_insert" AFTER INSERT ON "Run" FOR EACH ROW
  WHEN (NEW.status IN ('succeeded', 'failed', 'cancelled')) EXECUTE FUNCTION "studio_run_daily_stats"();
CREATE TRIGGER "Run_daily_stats_update" AFTER UPDATE OF status, usage ON "Run" FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR (NEW.status IN ('succeeded', 'failed', 'cancelled') AND OLD.usage IS DISTINCT FROM NEW.usage))
  EXECUTE FUNCTION "studio_run_daily_stats"();
CREATE TRIGGER "Run_daily_stats_delete" AFTER DELETE ON "Run" FOR EACH ROW
  WHEN (OLD.status IN ('succeeded', 'failed', 'cancelled')) EXECUTE FUNCTION "studio_run_daily_stats"();

-- The runs that exist already.
INSERT INTO "RunDailyStats" ("workspaceId", "graphId", day, "graphVersionId", trigger, status, runs, tokens, "tokenRuns", "costUsd", "costRuns")
SELECT "workspaceId", "graphId", "createdAt"::date, coalesce("graphVersionId", ''), trigger, status, count(*)::int,
  coalesce(sum(CASE WHEN jsonb_typeof(usage->'tokens') = 'number' THEN (usage->>'tokens')::float8 END), 0),
  count(*) FILTER (WHERE jsonb_typeof(usage->'tokens') = 'number')::int,
  coalesce(sum(CASE WHEN jsonb_typeof(usage->'costUsd') = 'number' THEN (usage->>'costUsd')::float8 END), 0),
  count(*) FILTER (WHERE jsonb_typeof(usage->'costUsd') = 'number')::int
FROM "Run" WHERE status IN ('succeeded', 'failed', 'cancelled')
GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO "WorkspaceRunDailyStats" ("workspaceId", day, trigger, status, runs, tokens, "tokenRuns", "costUsd", "costRuns")
SELECT "workspaceId", day, trigger, status, sum(runs)::int, sum(tokens), sum("tokenRuns")::int, sum("costUsd"), sum("costRuns")::int
FROM "RunDailyStats" GROUP BY 1, 2, 3, 4;
