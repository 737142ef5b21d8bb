-- Runs that end at the same moment no longer wait for each other on one stats row. Each day's counters are split
-- over 8 rows (shard = the Postgres backend's pid mod 8): two transactions in flight together are on two connections,
-- so they mostly add to different rows. Readers already sum the rows of a day, so they read the same numbers.
ALTER TABLE "RunDailyStats" ADD COLUMN "shard" SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE "RunDailyStats" DROP CONSTRAINT "RunDailyStats_pkey";
ALTER TABLE "RunDailyStats" ADD CONSTRAINT "RunDailyStats_pkey" PRIMARY KEY ("workspaceId", "graphId", "day", "graphVersionId", "trigger", "status", "shard");
ALTER TABLE "WorkspaceRunDailyStats" ADD COLUMN "shard" SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE "WorkspaceRunDailyStats" DROP CONSTRAINT "WorkspaceRunDailyStats_pkey";
ALTER TABLE "WorkspaceRunDailyStats" ADD CONSTRAINT "WorkspaceRunDailyStats_pkey" PRIMARY KEY ("workspaceId", "day", "trigger", "status", "shard");

-- Adding goes to this connection's shard. Taking away (a pruned or deleted run, a status changed back) takes from one
-- row of the day that still counts a run, this connection's shard first: the day's sums stay exact and no row goes
-- below zero runs.
CREATE OR REPLACE FUNCTION "studio_run_daily_stats_apply"(run "Run", sign INTEGER) RETURNS void LANGUAGE plpgsql AS E'
DECLARE
  run_tokens DOUBLE PRECISION := CASE WHEN jsonb_typeof(run.usage->''tokens'') = ''number'' THEN (run.usage->>''tokens'')::float8 END\073
  run_cost DOUBLE PRECISION := CASE WHEN jsonb_typeof(run.usage->''costUsd'') = ''number'' THEN (run.usage->>''costUsd'')::float8 END\073
  own_shard SMALLINT := (pg_backend_pid() % 8)::smallint\073
BEGIN
  IF run.status NOT IN (''succeeded'', ''failed'', ''cancelled'') THEN
    RETURN\073
  END IF\073
  IF sign < 0 THEN
    -- Plain UPDATEs: when a workspace is deleted its stats rows may already be gone, and nothing is to be re-created.
    UPDATE "RunDailyStats" SET runs = runs - 1,
      tokens = tokens - coalesce(run_tokens, 0), "tokenRuns" = "tokenRuns" - (run_tokens IS NOT NULL)::int,
      "costUsd" = "costUsd" - coalesce(run_cost, 0), "costRuns" = "costRuns" - (run_cost IS NOT NULL)::int
    WHERE ctid = (SELECT ctid FROM "RunDailyStats"
      WHERE "workspaceId" = run."workspaceId" AND "graphId" = run."graphId" AND day = run."createdAt"::date
        AND "graphVersionId" = coalesce(run."graphVersionId", '''') AND trigger = run.trigger AND status = run.status AND runs > 0
      ORDER BY (shard = own_shard) DESC LIMIT 1 FOR UPDATE)\073
    UPDATE "WorkspaceRunDailyStats" SET runs = runs - 1,
      tokens = tokens - coalesce(run_tokens, 0), "tokenRuns" = "tokenRuns" - (run_tokens IS NOT NULL)::int,
      "costUsd" = "costUsd" - coalesce(run_cost, 0), "costRuns" = "costRuns" - (run_cost IS NOT NULL)::int
    WHERE ctid = (SELECT ctid FROM "WorkspaceRunDailyStats"
      WHERE "workspaceId" = run."workspaceId" AND day = run."createdAt"::date AND trigger = run.trigger AND status = run.status AND runs > 0
      ORDER BY (shard = own_shard) DESC LIMIT 1 FOR UPDATE)\073
    RETURN\073
  END IF\073
  INSERT INTO "RunDailyStats" AS s ("workspaceId", "graphId", day, "graphVersionId", trigger, status, shard, runs, tokens, "tokenRuns", "costUsd", "costRuns")
  VALUES (run."workspaceId", run."graphId", run."createdAt"::date, coalesce(run."graphVersionId", ''''), run.trigger, run.status, own_shard,
    1, coalesce(run_tokens, 0), (run_tokens IS NOT NULL)::int, coalesce(run_cost, 0), (run_cost IS NOT NULL)::int)
  ON CONFLICT ("workspaceId", "graphId", day, "graphVersionId", trigger, status, shard) DO UPDATE SET
    runs = s.runs + 1, tokens = s.tokens + EXCLUDED.tokens, "tokenRuns" = s."tokenRuns" + EXCLUDED."tokenRuns",
    "costUsd" = s."costUsd" + EXCLUDED."costUsd", "costRuns" = s."costRuns" + EXCLUDED."costRuns"\073
  INSERT INTO "WorkspaceRunDailyStats" AS w ("workspaceId", day, trigger, status, shard, runs, tokens, "tokenRuns", "costUsd", "costRuns")
  VALUES (run."workspaceId", run."createdAt"::date, run.trigger, run.status, own_shard,
    1, coalesce(run_tokens, 0), (run_tokens IS NOT NULL)::int, coalesce(run_cost, 0), (run_cost IS NOT NULL)::int)
  ON CONFLICT ("workspaceId", day, trigger, status, shard) DO UPDATE SET
    runs = w.runs + 1, tokens = w.tokens + EXCLUDED.tokens, "tokenRuns" = w."tokenRuns" + EXCLUDED."tokenRuns",
    "costUsd" = w."costUsd" + EXCLUDED."costUsd", "costRuns" = w."costRuns" + EXCLUDED."costRuns"\073
END
';
