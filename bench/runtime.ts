// Measures the durable runtime end to end: the real createRuntime over the real Prisma run store and a real Postgres
// (DATABASE_URL, else embedded) in a throwaway database. Prints one JSON object per measure: {"name", "value", "unit",
// ...}. `--seconds N` sets the throughput window (default 20). Runtime errors go to stderr (first of each kind).
import { availableParallelism, loadavg } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import type { TGraphSpec } from "@/lib/graph";
import type { TDb } from "@/server/db/client";
import { insertRun } from "@/server/db/insert-run";
import { toJsonColumn } from "@/server/db/json";
import { createPrismaRunStore } from "@/server/db/prisma-run-store";
import { createNodeImplementations } from "@/server/runtime/node-implementation";
import { CORE_NODES } from "@/server/runtime/nodes/core";
import type { TSeqEvent } from "@/server/runtime/run-store";
import { createRuntime, type TRuntime, type TRuntimeOptions } from "@/server/runtime/runtime";
import { buildSpec } from "@/server/runtime/testing/build-spec";
import { createGraph } from "@/server/services/graph/create-graph";
import { createThrowawayDatabase } from "./throwaway-database";
import { connectCountingDb, diffCounts, type TCountingDb } from "./counting-db";
import { noopNode } from "./noop-node";
import { createTimedRunStore, percentile, round } from "./timed-run-store";

const CHAIN_NODES = 100;
const CHAIN_WARMUP_RUNS = 1;
const CHAIN_RUNS = 5;
const TX_RUNS = 5;
/** An exiting backend publishes its statistics at once, but asynchronously: give them time to land before reading. */
const STATS_SETTLE_MS = 1_500;
const QUEUE_BATCH = 250;
const QUEUE_BACKLOG = 500;
const RUN_TIMEOUT_MS = 120_000;
const FINAL_EVENTS = new Set(["run.completed", "run.failed", "run.cancelled"]);
const BENCH_TABLES = ["Run", "RunStep", "RunEvent"];

type TGraphRef = { workspaceId: string; graphId: string; spec: TGraphSpec };

function emit(name: string, value: number, unit: string, extra: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ name, value, unit, ...extra })}\n`);
}

/** The box's load when a measure starts: a busy neighbour shows up here before it shows up as a regression. */
function readHost() {
  return { cpus: availableParallelism(), loadAvg1m: round(loadavg()[0]!) };
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms: ${what}`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** core/input, then `noops` bench/noop nodes in a line, then an optional core/output. */
function buildChainSpec(noops: number, hasOutput: boolean): TGraphSpec {
  const ids = Array.from({ length: noops }, (_, i) => `n${i}`);
  const nodes = [{ id: "in", type: "core/input" }, ...ids.map((id) => ({ id, type: noopNode.definition.type })), ...(hasOutput ? [{ id: "out", type: "core/output" }] : [])];
  const chain = ["in", ...ids, ...(hasOutput ? ["out"] : [])];
  return buildSpec(nodes, chain.slice(1).map((id, i) => `${chain[i]}.out->${id}.in`));
}

/** Follows the runtime's events and errors: when each run finished, and when each node.completed was emitted. */
function createRunWatcher() {
  const finished = new Map<string, string>();
  const waiters = new Map<string, () => void>();
  const completions = new Map<string, number[]>();
  const errors: Record<string, number> = {};
  return {
    completions,
    errors,
    get finishedCount(): number {
      return finished.size;
    },
    outcomes(): Record<string, number> {
      const counts: Record<string, number> = {};
      for (const type of finished.values()) counts[type] = (counts[type] ?? 0) + 1;
      return counts;
    },
    // Called synchronously by the event writer as the engine emits, so performance.now() here is the emit time
    // (event.ts is Date.now(): whole milliseconds, too coarse for a per-node gap).
    onEvent(event: TSeqEvent): void {
      if (event.type === "node.completed") {
        const list = completions.get(event.runId) ?? [];
        list.push(performance.now());
        completions.set(event.runId, list);
      } else if (FINAL_EVENTS.has(event.type)) {
        finished.set(event.runId, event.type);
        waiters.get(event.runId)?.();
      }
    },
    onError(error: unknown, context: string): void {
      const message = error instanceof Error ? (error.message.split("\n").find((line) => line.trim() !== "") ?? error.name) : String(error);
      const key = `${context.replace(/^run \S+$/, "run")}: ${message.trim()}`;
      if (errors[key] === undefined) process.stderr.write(`runtime error (first of its kind): ${key}\n`);
      errors[key] = (errors[key] ?? 0) + 1;
    },
    waitFor(runId: string): Promise<void> {
      if (finished.has(runId)) return Promise.resolve();
      return new Promise((resolve) => waiters.set(runId, resolve));
    },
  };
}

function toRunRow(graph: TGraphRef) {
  return { workspaceId: graph.workspaceId, graphId: graph.graphId, spec: toJsonColumn(graph.spec), input: { n: 1 }, trigger: "bench" };
}

async function queueRun(db: TDb, graph: TGraphRef): Promise<string> {
  return (await insertRun(db, toRunRow(graph), { id: true })).id;
}

function startRuntime(conn: Pick<TCountingDb, "db" | "pool">, options: Omit<TRuntimeOptions, "store" | "implementations">) {
  const timed = createTimedRunStore(createPrismaRunStore(conn.db, conn.pool));
  const runtime = createRuntime({ store: timed.store, implementations: createNodeImplementations([...CORE_NODES, noopNode]), ...options });
  runtime.start();
  return { runtime, timings: timed.summarize };
}

/**
 * stop() does not wait for a poll already in flight, and the runs that poll claims are driven after stop() returned,
 * their events flushed by a timer nobody awaits. So: stop, wait until idle, and stop again, which awaits the event
 * writes still queued, before the pool closes.
 */
async function stopRuntime(runtime: TRuntime): Promise<void> {
  await withTimeout(
    runtime.stop().then(() => runtime.whenIdle()).then(() => runtime.stop()),
    30_000,
    "stopping the runtime",
  );
}

/** Runs the 100-node chain one run at a time; the gaps between consecutive node completions are the per-node cost. */
async function measureNodeOverhead(conn: TCountingDb, graph: TGraphRef): Promise<void> {
  const db = conn.db;
  const host = readHost();
  const watcher = createRunWatcher();
  const { runtime, timings } = startRuntime(conn, { onEvent: watcher.onEvent, onError: watcher.onError, pollMs: 1_000 });
  const measured: string[] = [];
  for (let i = 0; i < CHAIN_WARMUP_RUNS + CHAIN_RUNS; i++) {
    const runId = await queueRun(db, graph);
    const done = watcher.waitFor(runId);
    runtime.wake();
    await withTimeout(done, RUN_TIMEOUT_MS, `chain run ${runId}`);
    if (i >= CHAIN_WARMUP_RUNS) measured.push(runId);
  }
  await stopRuntime(runtime);
  const gaps = measured.flatMap((runId) => {
    const times = watcher.completions.get(runId) ?? [];
    return times.slice(1).map((time, i) => time - times[i]!);
  });
  gaps.sort((a, b) => a - b);
  const extra = { nodes: CHAIN_NODES, runs: measured.length, gaps: gaps.length, outcomes: watcher.outcomes(), errors: watcher.errors, host, store: timings() };
  emit("node_overhead_p50_ms", round(percentile(gaps, 50)), "ms", { target: "<= 2", ...extra });
  emit("node_overhead_p99_ms", round(percentile(gaps, 99)), "ms", { target: "<= 10", ...extra });
}

/** A statement on a connection of its own, closed at once (an exiting backend flushes its statistics). */
async function queryOnce<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function readCommittedTransactions(url: string): Promise<number> {
  const rows = await queryOnce<{ xact_commit: string }>(url, "select xact_commit from pg_stat_database where datname = current_database()");
  return Number(rows[0]!.xact_commit);
}

async function setAutovacuum(url: string, isEnabled: boolean): Promise<void> {
  await queryOnce(url, BENCH_TABLES.map((table) => `alter table "${table}" set (autovacuum_enabled = ${isEnabled})`).join("; "));
}

/**
 * Commits the runtime makes while it drives TX_RUNS chains, from pg_stat_database. A backend publishes its counts at
 * most once a second, and not while it sits idle in a pool: on Postgres 18, 50 commits of an idle connection were
 * still unpublished 12 s later and appeared when it disconnected. So the window is closed by closing every pooled
 * connection, not by sleeping. Autovacuum is off for the window (its workers' commits count too); an idle window
 * measures the reads' own commits (each read: its connection start-up and its select), which are subtracted.
 */
async function measureTransactionsPerNode(url: string, previous: TCountingDb, graph: TGraphRef): Promise<TCountingDb> {
  const host = readHost();
  const runIds: string[] = [];
  for (let i = 0; i < TX_RUNS; i++) runIds.push(await queueRun(previous.db, graph));
  await previous.close();
  await setAutovacuum(url, false);
  await sleep(STATS_SETTLE_MS);

  const idleBefore = await readCommittedTransactions(url);
  await sleep(STATS_SETTLE_MS);
  const measuringTx = (await readCommittedTransactions(url)) - idleBefore;

  const conn = connectCountingDb(url);
  const watcher = createRunWatcher();
  const before = await readCommittedTransactions(url);
  const { runtime, timings } = startRuntime(conn, { onEvent: watcher.onEvent, onError: watcher.onError, pollMs: 1_000 });
  runtime.wake();
  await withTimeout(Promise.all(runIds.map((runId) => watcher.waitFor(runId))), RUN_TIMEOUT_MS, "transaction-count runs");
  await stopRuntime(runtime);
  const statements = conn.statements();
  const driverTx = conn.transactions();
  await withTimeout(conn.close(), 10_000, "closing the pool");
  await sleep(STATS_SETTLE_MS);
  const after = await readCommittedTransactions(url);
  await setAutovacuum(url, true);

  const next = connectCountingDb(url);
  const steps = await next.db.runStep.count({ where: { runId: { in: runIds } } });
  const runtimeTx = after - before - measuringTx;
  const statementCount = Object.values(statements).reduce((sum, count) => sum + count, 0);
  emit("pg_tx_per_node", round(runtimeTx / steps), "tx", {
    target: "<= 2",
    xactCommitBefore: before,
    xactCommitAfter: after,
    measuringTx,
    runtimeTx,
    steps,
    runs: runIds.length,
    driverTxPerNode: round(driverTx / steps),
    statementsPerNode: round(statementCount / steps),
    statements,
    outcomes: watcher.outcomes(),
    errors: watcher.errors,
    host,
    store: timings(),
  });
  return next;
}

/** Keeps a backlog of queued 5-node runs for `seconds` and counts the runs that finish in that window. */
async function measureThroughput(conn: TCountingDb, graph: TGraphRef, seconds: number): Promise<void> {
  const host = readHost();
  const watcher = createRunWatcher();
  let queued = 0;
  const topUp = async (): Promise<boolean> => {
    let isQueued = false;
    while (queued - watcher.finishedCount < QUEUE_BACKLOG) {
      // Each row takes its number in the insert (trigger "Run_take_number").
      await conn.db.run.createMany({ data: Array.from({ length: QUEUE_BATCH }, () => toRunRow(graph)) });
      queued += QUEUE_BATCH;
      isQueued = true;
    }
    return isQueued;
  };
  await topUp();
  const maxRuns = 50;
  const pollMs = 5;
  const statementsBefore = conn.statements();
  const { runtime, timings } = startRuntime(conn, { onEvent: watcher.onEvent, onError: watcher.onError, pollMs, maxRuns });
  const startedAt = performance.now();
  const deadline = startedAt + seconds * 1_000;
  while (performance.now() < deadline) {
    if (await topUp()) runtime.wake();
    await sleep(Math.max(0, Math.min(20, deadline - performance.now())));
  }
  const elapsedMs = performance.now() - startedAt;
  const finished = watcher.finishedCount;
  const outcomes = watcher.outcomes();
  const statements = diffCounts(statementsBefore, conn.statements());
  await stopRuntime(runtime);
  emit("runs_per_s_5node", round(finished / (elapsedMs / 1_000)), "runs/s", {
    target: ">= 200",
    seconds: round(elapsedMs / 1_000),
    finished,
    queued,
    outcomes,
    errors: watcher.errors,
    maxRuns,
    pollMs,
    statements,
    host,
    store: timings(),
  });
}

const { values: args } = parseArgs({ options: { seconds: { type: "string", default: "20" } } });
const throughputSeconds = Number(args.seconds);
if (!Number.isFinite(throughputSeconds) || throughputSeconds <= 0) throw new Error(`--seconds must be a positive number, got ${args.seconds}`);

const database = await createThrowawayDatabase();
const benchUrl = database.url;
let conn: TCountingDb | undefined;

try {
  conn = connectCountingDb(benchUrl);
  const db = conn.db;
  const user = await db.user.create({ data: { email: "bench@example.test" } });
  const workspace = await db.workspace.create({ data: { slug: "bench", name: "Bench" } });
  const addGraph = async (name: string, spec: TGraphSpec): Promise<TGraphRef> => {
    const graph = await createGraph(db, { workspaceId: workspace.id, actorId: user.id, name, spec });
    return { workspaceId: workspace.id, graphId: graph.id, spec };
  };
  const chain = await addGraph("Chain of 100", buildChainSpec(CHAIN_NODES - 1, false));
  const small = await addGraph("Five nodes", buildChainSpec(3, true));

  await measureNodeOverhead(conn, chain);
  conn = await measureTransactionsPerNode(benchUrl, conn, chain);
  await measureThroughput(conn, small, throughputSeconds);
} finally {
  await withTimeout(conn?.close() ?? Promise.resolve(), 10_000, "closing the pool").catch((error: unknown) => process.stderr.write(`${String(error)}\n`));
  await database.drop();
}
