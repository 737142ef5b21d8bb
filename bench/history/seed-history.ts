// npm run bench:history:seed [-- --runs N --days N]: recreates the `history_bench` database (history-database.ts),
// migrates it, and fills one workspace with N runs (default 1,000,000) and their steps over the last D days (default
// 180) in set-based INSERT ... SELECT statements, a few days per statement. As in any bulk load, the secondary indexes
// of Run and RunStep are dropped first and created again at the end (exactly as the migrations defined them), which
// is several times faster than maintaining a trigram index row by row. The run numbering and daily stats triggers are
// off while loading (seed-history-sql.ts): numbers are assigned here in creation order, the daily rollups are built
// at the end from the Run rows.
import { parseArgs } from "node:util";
import pg from "pg";
import { migrateDatabase } from "@/server/db/migrate";
import { openHistoryBenchServer, recreateHistoryBenchDatabase } from "./history-database";
import { BUILD_ROLLUPS_SQL, HISTORY_BENCH, insertRunsSql, setupSql, SEED_TRIGGERS_OFF, SEED_TRIGGERS_ON } from "./seed-history-sql";

const DAYS_PER_STATEMENT = 5;
const UNFINISHED_RECENT_RUNS = 200;

async function main() {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "1000000" }, days: { type: "string", default: "180" } } });
  const totalRuns = Number(values.runs);
  const days = Number(values.days);
  const started = performance.now();
  const server = await openHistoryBenchServer();
  await recreateHistoryBenchDatabase(server.serverUrl);
  await migrateDatabase(server.databaseUrl);
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT setseed(0.42)");
    await client.query(setupSql());
    await client.query(SEED_TRIGGERS_OFF);
    const indexes = await dropSecondaryIndexes(client);
    const today = new Date(new Date().toISOString().slice(0, 10));
    let number = 0;
    for (let first = 0; first < days; first += DAYS_PER_STATEMENT) {
      const span = Math.min(DAYS_PER_STATEMENT, days - first);
      const from = new Date(today.getTime() - (days - first) * 86_400_000);
      const count = runsForDays(totalRuns, days, first, span) - (first + span >= days ? UNFINISHED_RECENT_RUNS : 0);
      await client.query(insertRunsSql({ from, spanDays: span, count, firstNumber: number, unfinishedOnly: false }));
      number += count;
      process.stderr.write(`\rseeded ${number} runs`);
    }
    const recent = new Date(Date.now() - 10 * 60_000);
    await client.query(insertRunsSql({ from: recent, spanDays: 5 / 1440, count: UNFINISHED_RECENT_RUNS, firstNumber: number, unfinishedOnly: true }));
    number += UNFINISHED_RECENT_RUNS;
    await client.query(`UPDATE "Graph" g SET "lastRunNumber" = coalesce((SELECT max(number) FROM "Run" r WHERE r."graphId" = g.id), 0)`);
    await client.query(SEED_TRIGGERS_ON);
    process.stderr.write(`\rseeded ${number} runs, creating ${indexes.length} indexes\n`);
    await client.query("SET maintenance_work_mem = '512MB'");
    for (const definition of indexes) await client.query(definition);
    process.stderr.write("building the daily rollups, vacuuming\n");
    await client.query(BUILD_ROLLUPS_SQL);
    await client.query(`VACUUM ANALYZE "Run", "RunStep", "Graph", "GraphVersion", "RunDailyStats", "WorkspaceRunDailyStats"`);
    const { rows } = await client.query<{ runs: number; steps: number; statsRows: number; size: string }>(
      `SELECT (SELECT count(*) FROM "Run")::int AS runs, (SELECT count(*) FROM "RunStep")::int AS steps,
        (SELECT count(*) FROM "RunDailyStats")::int AS "statsRows", pg_size_pretty(pg_database_size(current_database())) AS size`,
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(JSON.stringify({ name: "history_seed_s", value: Math.round(seconds), unit: "s", workspace: HISTORY_BENCH.workspaceSlug, ...rows[0] }));
  } finally {
    await client.end();
    await server.stop();
  }
}

/** Drops every index of Run and RunStep but their primary keys; answers the statements that create them again. */
async function dropSecondaryIndexes(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ('Run', 'RunStep') AND indexname NOT LIKE '%\\_pkey'`,
  );
  for (const { name } of rows) await client.query(`DROP INDEX "${name}"`);
  return rows.map((row) => row.definition);
}

/** Runs created in days [first, first + span): a weekly rhythm (weekends quieter) around an even share. */
function runsForDays(totalRuns: number, days: number, first: number, span: number): number {
  const weight = (day: number) => (day % 7 === 5 || day % 7 === 6 ? 0.6 : 1.16);
  const total = sumWeights(weight, days);
  const before = Math.round((totalRuns * sumWeights(weight, first)) / total);
  const after = Math.round((totalRuns * sumWeights(weight, first + span)) / total);
  return after - before;
}

function sumWeights(weight: (day: number) => number, until: number): number {
  let sum = 0;
  for (let day = 0; day < until; day += 1) sum += weight(day);
  return sum;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
