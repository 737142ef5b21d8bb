import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, inject, it } from "vitest";

// The migration that introduced run numbers, checked on a database that has runs from before it: the committed
// migrations up to it are applied to a throwaway database, runs are written as the studio of that time wrote them,
// then the migration runs.
const MIGRATION = "20261206090000_graph_tags_run_numbers";
const MIGRATIONS_DIR = path.resolve("prisma/migrations");

const serverUrl = new URL(inject("databaseUrl"));
const name = `${serverUrl.pathname.slice(1)}_backfill`;
let admin: pg.Client;
let client: pg.Client;

const migrationSql = (folder: string) => readFileSync(path.join(MIGRATIONS_DIR, folder, "migration.sql"), "utf8");

beforeAll(async () => {
  admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const earlier = readdirSync(MIGRATIONS_DIR).filter((folder) => /^\d{14}_/.test(folder) && folder < MIGRATION).sort();
  for (const folder of earlier) await client.query(migrationSql(folder));
});

afterAll(async () => {
  await client?.end();
  await admin?.query(`drop database if exists "${name}" with (force)`);
  await admin?.end();
});

it("numbers existing runs per graph in the order they were created and continues each graph's counter after them", async () => {
  await client.query(`insert into "Workspace" (id, slug, name) values ('w', 'w', 'W')`);
  await client.query(`insert into "Graph" (id, "workspaceId", name, draft, "updatedAt") values ('a', 'w', 'A', '{}', now()), ('b', 'w', 'B', '{}', now()), ('idle', 'w', 'Idle', '{}', now())`);
  // Inserted out of order; two runs of `a` share a millisecond (the id decides between them).
  const runs: [id: string, graphId: string, createdAt: string][] = [
    ["a-third", "a", "2026-01-03T00:00:00Z"],
    ["a-first", "a", "2026-01-01T00:00:00Z"],
    ["b-first", "b", "2026-01-02T00:00:00Z"],
    ["a-second-y", "a", "2026-01-02T00:00:00Z"],
    ["a-second-x", "a", "2026-01-02T00:00:00Z"],
    ["b-second", "b", "2026-01-05T00:00:00Z"],
  ];
  for (const [id, graphId, createdAt] of runs) {
    await client.query(`insert into "Run" (id, "workspaceId", "graphId", spec, trigger, "createdAt") values ($1, 'w', $2, '{}', 'manual', $3)`, [id, graphId, createdAt]);
  }

  for (const statement of migrationSql(MIGRATION).split(";").filter((text) => text.replace(/--.*$/gm, "").trim())) await client.query(statement);

  const numbered = await client.query<{ id: string; number: number }>(`select id, number from "Run" order by "graphId", number`);
  expect(numbered.rows.map((row) => [row.id, row.number])).toEqual([
    ["a-first", 1],
    ["a-second-x", 2],
    ["a-second-y", 3],
    ["a-third", 4],
    ["b-first", 1],
    ["b-second", 2],
  ]);
  const counters = await client.query<{ id: string; lastRunNumber: number; tags: string[] }>(`select id, "lastRunNumber", tags from "Graph" order by id`);
  expect(counters.rows).toEqual([
    { id: "a", lastRunNumber: 4, tags: [] },
    { id: "b", lastRunNumber: 2, tags: [] },
    { id: "idle", lastRunNumber: 0, tags: [] },
  ]);
  await expect(client.query(`insert into "Run" (id, "workspaceId", "graphId", spec, trigger, number) values ('a-again', 'w', 'a', '{}', 'manual', 4)`)).rejects.toThrow(/Run_graphId_number_key/);
});
