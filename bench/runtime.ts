// Measures the durable runtime end to end: the real createRuntime over the real Prisma run store and a real Postgres
// (DATABASE_URL, else embedded) in a throwaway database. Prints one JSON object per measure: {"name", "value", "unit",
// ...}. `--seconds N` sets the throughput window (default 20).
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import type { TGraphSpec } from "@/lib/graph";
import { connectDb, db, disconnectDb } from "@/server/db/client";
import { startEmbeddedPostgres } from "@/server/db/embedded-postgres";
import { toJsonColumn } from "@/server/db/json";
import { migrateDatabase } from "@/server/db/migrate";
import { createPrismaRunStore } from "@/server/db/prisma-run-store";
import { readEnv } from "@/server/env";
import { createNodeImplementations } from "@/server/runtime/node-implementation";
import { CORE_NODES } from "@/server/runtime/nodes/core";
import { createRuntime, type TRuntimeOptions } from "@/server/runtime/runtime";
import type { TSeqEvent } from "@/server/runtime/run-store";
import { buildSpec } from "@/server/runtime/testing/build-spec";
import { createGraph } from "@/server/services/graph/create-graph";
import { noopNode } from "./noop-node";
import { createTimedRunStore, percentile, round } from "./timed-run-store";

const CHAIN_NODES = 100;
const CHAIN_WARMUP_RUNS = 1;
const CHAIN_RUNS = 5;
const TX_RUNS = 5;
/** Postgres flushes a backend's stats at transaction end at most once a second; a closed backend flushes at exit. */
const STATS_SETTLE_MS = 1_500;
const QUEUE_BATCH = 250;
const QUEUE_BACKLOG = 500;
const FINAL_EVENTS = new Set(["run.completed", "run.failed", "run.cancelled"]);

type TGraphRef = { workspaceId: string; graphId: string; spec: TGraphSpec };

function emit(name: string, value: number, unit: string, extra: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ name, value, unit, ...extra })}\n`);
}

/** core/input, then `noops` bench/noop nodes in a line, then an optional core/output. */
function buildChainSpec(noops: number, hasOutput: boolean): TGraphSpec {
  const ids = Array.from({ length: noops }, (_, i) => `n${i}`);
  const nodes = [{ id: "in", type: "core/input" }, ...ids.map((id) => ({ id, type: noopNode.definition.type })), ...(hasOutput ? [{ id: "out", type: "core/output" }] : [])];
  const chain = ["in", ...ids, ...(hasOutput ? ["out"] : [])];
  return buildSpec(nodes, chain.slice(1).map((id, i) => `${chain[i]}.out->${id}.in`));
}

/** Follows the runtime's events: when each run finished, and when each node.completed of a run was emitted. */
function createRunWatcher() {
  const finished = new Map<string, string>();
  const waiters = new Map<string, () => void>();
  const completions = new Map<string, number[]>();
  const errors: Record<string, number> = {};
  return {
    completions,
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
    /** The runtime's onError: counted per context and message, so a failing store shows up in the report. */
    onError(error: unknown, context: string): void {
      const message = error instanceof Error ? error.message.split("\n").find((line) => line.trim() !== "") ?? error.name : String(error);
      const key = `${context.replace(/^run \S+$/, "run")}: ${message}`;
      if (errors[key] === undefined) process.stderr.write(`runtime error (first of its kind): ${key}\n`);
      errors[key] = (errors[key] ?? 0) + 1;
    },
    errors,
    waitFor(runId: string): Promise<void> {
      if (finished.has(runId)) return Promise.resolve();
      return new Promise((resolve) => waiters.set(runId, resolve));
    },
  };
}

async function queueRun(graph: TGraphRef): Promise<string> {
  const run = await db().run.create({ data: { workspaceId: graph.workspaceId, graphId: graph.graphId, spec: toJsonColumn(graph.spec), input: { n: 1 }, trigger: "bench" }, select: { id: true } });
  return run.id;
}

async function queueRuns(graph: TGraphRef, count: number): Promise<void> {
  const row = { workspaceId: graph.workspaceId, graphId: graph.graphId, spec: toJsonColumn(graph.spec), input: { n: 1 }, trigger: "bench" };
  await db().run.createMany({ data: Array.from({ length: count }, () => row) });
}

function startRuntime(options: Omit<TRuntimeOptions, "store" | "implementations">) {
  const timed = createTimedRunStore(createPrismaRunStore(db()));
  const runtime = createRuntime({ store: timed.store, implementations: createNodeImplementations([...CORE_NODES, noopNode]), ...options });
  runtime.start();
  return { runtime, timings: timed.summarize };
}

/** Runs the 100-node chain one run at a time; the gaps between consecutive node completions are the per-node cost. */
async function measureNodeOverhead(graph: TGraphRef): Promise<void> {
  const watcher = createRunWatcher();
  const { runtime, timings } = startRuntime({ onEvent: watcher.onEvent, onError: watcher.onError, pollMs: 1_000 });
  const measured: string[] = [];
  for (let i = 0; i < CHAIN_WARMUP_RUNS + CHAIN_RUNS; i++) {
    const runId = await queueRun(graph);
    const done = watcher.waitFor(runId);
    runtime.wake();
    await done;
    if (i >= CHAIN_WARMUP_RUNS) measured.push(runId);
  }
  await runtime.stop();
  await runtime.whenIdle();
  const gaps = measured.flatMap((runId) => {
    const times = watcher.completions.get(runId) ?? [];
    return times.slice(1).map((time, i) => time - times[i]!);
  });
  gaps.sort((a, b) => a - b);
  const extra = { nodes: CHAIN_NODES, runs: measured.length, gaps: gaps.length, outcomes: watcher.outcomes(), errors: watcher.errors, store: timings() };
  emit("node_overhead_p50_ms", round(percentile(gaps, 50)), "ms", { target: "<= 2", ...extra });
  emit("node_overhead_p99_ms", round(percentile(gaps, 99)), "ms", { target: "<= 10", ...extra });
}

/** xact_commit of the bench database, read on a connection of its own that is closed at once. */
async function readCommittedTransactions(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ xact_commit: string }>("select xact_commit from pg_stat_database where datname = current_database()");
    return Number(result.rows[0]!.xact_commit);
  } finally {
    await client.end();
  }
}

/**
 * Commits made by the runtime while it drives TX_RUNS chains. Postgres counts commits per backend and publishes them
 * later (at most once a second, and an idle backend that just flushed waits ~10 s), so the window is closed by
 * disconnecting every pooled connection: an exiting backend flushes its stats. The measuring reads count too; an idle
 * window with nothing else connected measures them, and they are subtracted.
 */
async function measureTransactionsPerNode(graph: TGraphRef, url: string): Promise<void> {
  const runIds: string[] = [];
  for (let i = 0; i < TX_RUNS; i++) runIds.push(await queueRun(graph));
  await disconnectDb();
  await sleep(STATS_SETTLE_MS);

  const idleBefore = await readCommittedTransactions(url);
  await sleep(STATS_SETTLE_MS);
  const idleAfter = await readCommittedTransactions(url);
  const measuringTx = idleAfter - idleBefore;

  connectDb(url);
  const watcher = createRunWatcher();
  const before = await readCommittedTransactions(url);
  const { runtime, timings } = startRuntime({ onEvent: watcher.onEvent, onError: watcher.onError, pollMs: 1_000 });
  runtime.wake();
  await Promise.all(runIds.map((runId) => watcher.waitFor(runId)));
  await runtime.stop();
  await runtime.whenIdle();
  await disconnectDb();
  await sleep(STATS_SETTLE_MS);
  const after = await readCommittedTransactions(url);

  connectDb(url);
  const steps = await db().runStep.count({ where: { runId: { in: runIds } } });
  const runtimeTx = after - before - measuringTx;
  emit("pg_tx_per_node", round(runtimeTx / steps), "tx", {
    target: "<= 2",
    xactCommitBefore: before,
    xactCommitAfter: after,
    measuringTx,
    runtimeTx,
    steps,
    runs: runIds.length,
    outcomes: watcher.outcomes(),
    errors: watcher.errors,
    store: timings(),
  });
}

/** Keeps a backlog of queued 5-node runs for `seconds` and counts the runs that finish in that window. */
async function measureThroughput(graph: TGraphRef, seconds: number): Promise<void> {
  const watcher = createRunWatcher();
  let queued = 0;
  const topUp = async (): Promise<boolean> => {
    let isQueued = false;
    while (queued - watcher.finishedCount < QUEUE_BACKLOG) {
      await queueRuns(graph, QUEUE_BATCH);
      queued += QUEUE_BATCH;
      isQueued = true;
    }
    return isQueued;
  };
  await topUp();
  const maxRuns = 50;
  const pollMs = 5;
  const { runtime, timings } = startRuntime({ onEvent: watcher.onEvent, onError: watcher.onError, pollMs, maxRuns });
  const startedAt = performance.now();
  const deadline = startedAt + seconds * 1_000;
  while (performance.now() < deadline) {
    if (await topUp()) runtime.wake();
    await sleep(Math.max(0, Math.min(20, deadline - performance.now())));
  }
  const elapsedMs = performance.now() - startedAt;
  const finished = watcher.finishedCount;
  const outcomes = watcher.outcomes();
  await runtime.stop();
  await runtime.whenIdle();
  emit("runs_per_s_5node", round(finished / (elapsedMs / 1_000)), "runs/s", {
    target: ">= 200",
    seconds: round(elapsedMs / 1_000),
    finished,
    queued,
    outcomes,
    errors: watcher.errors,
    maxRuns,
    pollMs,
    store: timings(),
  });
}

const { values: args } = parseArgs({ options: { seconds: { type: "string", default: "20" } } });
const throughputSeconds = Number(args.seconds);
if (!Number.isFinite(throughputSeconds) || throughputSeconds <= 0) throw new Error(`--seconds must be a positive number, got ${args.seconds}`);

const env = readEnv();
const embedded = env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: `${env.dataDir}/bench`, port: 54359 });
const serverUrl = env.DATABASE_URL ?? embedded!.url;
const dbName = `studio_bench_${randomBytes(4).toString("hex")}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`create database "${dbName}"`);
const url = new URL(serverUrl);
url.pathname = `/${dbName}`;
const benchUrl = url.toString();

try {
  await migrateDatabase(benchUrl);
  connectDb(benchUrl);
  const user = await db().user.create({ data: { email: "bench@example.test" } });
  const workspace = await db().workspace.create({ data: { slug: "bench", name: "Bench" } });
  const workspaceId = workspace.id;
  const addGraph = async (name: string, spec: TGraphSpec): Promise<TGraphRef> => {
    const graph = await createGraph(db(), { workspaceId, actorId: user.id, name, spec });
    return { workspaceId, graphId: graph.id, spec };
  };
  const chain = await addGraph("Chain of 100", buildChainSpec(CHAIN_NODES - 1, false));
  const small = await addGraph("Five nodes", buildChainSpec(3, true));

  await measureNodeOverhead(chain);
  await measureTransactionsPerNode(chain, benchUrl);
  await measureThroughput(small, throughputSeconds);
} finally {
  await disconnectDb();
  await admin.query(`drop database if exists "${dbName}" with (force)`);
  await admin.end();
  await embedded?.stop();
}
