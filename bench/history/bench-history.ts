// npm run bench:history [-- --rounds N]: the run history's list and stats services (server/services/run/list-runs.ts,
// get-run-stats.ts) on the database `bench:history:seed` filled, through Prisma as the API calls them. Each round runs
// every filter of history-filters.ts once, in a shuffled order; after one unmeasured round, p50 and p95 over all
// calls. Prints JSON lines; goals: list p95 <= 100 ms, stats p95 <= 200 ms.
import os from "node:os";
import { parseArgs } from "node:util";
import { connectDb, disconnectDb } from "@/server/db/client";
import { getRunStats } from "@/server/services/run/get-run-stats";
import { listRuns } from "@/server/services/run/list-runs";
import { decodeRunCursor } from "@/server/services/run/run-cursor";
import { historyFilters } from "./history-filters";
import { openHistoryBenchServer } from "./history-database";
import { HISTORY_BENCH } from "./seed-history-sql";

const PAGE = 50;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

async function main() {
  const { values } = parseArgs({ options: { rounds: { type: "string", default: "20" } } });
  const rounds = Number(values.rounds);
  const server = await openHistoryBenchServer();
  const db = connectDb(server.databaseUrl);
  try {
    const runCount = await db.run.count({ where: { workspaceId: HISTORY_BENCH.workspaceId } });
    if (runCount === 0) throw new Error("The history_bench database has no runs: run `npm run bench:history:seed` first");
    const filters = await historyFilters(db);
    const samples = { list: [] as number[], stats: [] as number[] };
    const slowest = { list: new Map<string, number>(), stats: new Map<string, number>() };
    for (let round = 0; round <= rounds; round++) {
      for (const { name, filter, secondPage } of shuffled(filters)) {
        let after = undefined;
        if (secondPage) {
          const first = await listRuns(db, { ...filter, limit: PAGE });
          after = first.nextCursor ? decodeRunCursor(first.nextCursor) : undefined;
        }
        const listStart = performance.now();
        await listRuns(db, { ...filter, after, limit: PAGE });
        const listMs = performance.now() - listStart;
        const statsStart = performance.now();
        await getRunStats(db, filter);
        const statsMs = performance.now() - statsStart;
        if (round === 0) continue;
        samples.list.push(listMs);
        samples.stats.push(statsMs);
        slowest.list.set(name, Math.max(slowest.list.get(name) ?? 0, listMs));
        slowest.stats.set(name, Math.max(slowest.stats.get(name) ?? 0, statsMs));
      }
    }
    const load = os.loadavg().map((value) => Number(value.toFixed(2)));
    for (const kind of ["list", "stats"] as const) {
      const sorted = samples[kind].sort((a, b) => a - b);
      const worst = [...slowest[kind].entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([name, ms]) => `${name} ${ms.toFixed(1)} ms`);
      const goal = kind === "list" ? 100 : 200;
      for (const p of [50, 95]) {
        const line = { name: `history_${kind}_p${p}_ms`, value: Number(percentile(sorted, p).toFixed(2)), unit: "ms", runs: runCount, calls: sorted.length, filters: filters.length, load };
        console.log(JSON.stringify(p === 95 ? { ...line, goal, slowest: worst } : line));
      }
    }
  } finally {
    await disconnectDb();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
