-- Graph tags, and run numbers per graph (#1, #2, ...): Graph."lastRunNumber" is the counter a new run takes its number
-- from (server/db/insert-run.ts), Run."number" the number it took.
ALTER TABLE "Graph" ADD COLUMN "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "lastRunNumber" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Run" ADD COLUMN "number" INTEGER;

-- Existing runs are numbered in the order they were created, per graph (the id breaks ties of one millisecond).
UPDATE "Run" AS r SET "number" = numbered.n
FROM (SELECT id, row_number() OVER (PARTITION BY "graphId" ORDER BY "createdAt", id) AS n FROM "Run") AS numbered
WHERE r.id = numbered.id;

-- Each graph's counter continues after its newest run.
UPDATE "Graph" AS g SET "lastRunNumber" = counted.last
FROM (SELECT "graphId", max("number") AS last FROM "Run" GROUP BY "graphId") AS counted
WHERE g.id = counted."graphId";

ALTER TABLE "Run" ALTER COLUMN "number" SET NOT NULL;

CREATE UNIQUE INDEX "Run_graphId_number_key" ON "Run"("graphId", "number");
