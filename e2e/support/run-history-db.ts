// A workspace with a run history, written straight into the e2e database: runs of several statuses, triggers,
// errors and usage, spread over the last hours, without executing anything.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { E2E_PG_PORT } from "../../playwright.config";

const DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${E2E_PG_PORT}/studio`;
const EMPTY_SPEC = JSON.stringify({ format: "openclaw.graph/v1", nodes: [], edges: [], settings: {} });

export type TSeedRun = {
  graph: string;
  version?: number;
  status: "queued" | "running" | "waiting" | "succeeded" | "failed" | "cancelled";
  trigger?: string;
  errorMessage?: string;
  usage?: { tokens: number; costUsd: number };
  minutesAgo: number;
};

/** Creates workspace `slug` with the named graphs (each with `versions` published versions) and the runs. */
export async function seedRunHistory(options: { slug: string; graphs: { name: string; versions: number }[]; runs: TSeedRun[] }) {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const workspaceId = randomUUID();
    await client.query(`insert into "Workspace" (id, slug, name) values ($1, $2, $3)`, [workspaceId, options.slug, `History ${options.slug}`]);
    const graphs = new Map<string, { id: string; versionIds: string[] }>();
    for (const graph of options.graphs) {
      const id = randomUUID();
      await client.query(`insert into "Graph" (id, "workspaceId", name, draft, "updatedAt") values ($1, $2, $3, $4::jsonb, now())`, [id, workspaceId, graph.name, EMPTY_SPEC]);
      const versionIds: string[] = [];
      for (let number = 1; number <= graph.versions; number++) {
        const versionId = randomUUID();
        await client.query(`insert into "GraphVersion" (id, "graphId", number, spec, hash) values ($1, $2, $3, $4::jsonb, $5)`, [versionId, id, number, EMPTY_SPEC, `${id}-${number}`]);
        versionIds.push(versionId);
      }
      graphs.set(graph.name, { id, versionIds });
    }
    for (const run of options.runs) {
      const graph = graphs.get(run.graph)!;
      const createdAt = new Date(Date.now() - run.minutesAgo * 60_000);
      const isFinished = run.status === "succeeded" || run.status === "failed" || run.status === "cancelled";
      await client.query(
        // The run takes its graph's next number, as server/db/insert-run.ts numbers every run.
        `with taken as (update "Graph" set "lastRunNumber" = "lastRunNumber" + 1 where id = $3 returning "lastRunNumber")
         insert into "Run" (id, "workspaceId", "graphId", "graphVersionId", spec, status, trigger, error, usage, "createdAt", "startedAt", "finishedAt", number)
         select $1, $2, $3, $4, $5::jsonb, $6::"RunStatus", $7, $8::jsonb, $9::jsonb,
           ($10::timestamptz AT TIME ZONE 'UTC'), ($10::timestamptz AT TIME ZONE 'UTC'), ($11::timestamptz AT TIME ZONE 'UTC'), taken."lastRunNumber"
         from taken`,
        [
          randomUUID(),
          workspaceId,
          graph.id,
          run.version ? graph.versionIds[run.version - 1] : null,
          EMPTY_SPEC,
          run.status,
          run.trigger ?? "manual",
          run.errorMessage === undefined ? null : JSON.stringify({ code: "Error", message: run.errorMessage }),
          run.usage ? JSON.stringify(run.usage) : null,
          createdAt.toISOString(),
          isFinished ? new Date(createdAt.getTime() + 2_500).toISOString() : null,
        ],
      );
    }
    return { workspaceId, graphIds: Object.fromEntries([...graphs].map(([name, graph]) => [name, graph.id])) };
  } finally {
    await client.end();
  }
}
