-- The W3C trace of each run (server/telemetry/README.md). Runs created before this migration keep NULL: the runtime
-- derives their trace id from the run id. The default is set after the column exists, so adding it rewrites no row.
ALTER TABLE "Run" ADD COLUMN "traceId" TEXT,
ADD COLUMN "parentSpanId" TEXT;

ALTER TABLE "Run" ALTER COLUMN "traceId" SET DEFAULT replace(gen_random_uuid()::text, '-'::text, ''::text);
