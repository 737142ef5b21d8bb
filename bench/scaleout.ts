// `npm run bench:scaleout`: queue mode on this machine (issue #16). A web side (this process: the harness's socket.io
// with the Redis cluster adapter and run event relay, plus the real webhook handler) and two worker processes share a
// throwaway database on DATABASE_URL's server and a Redis prefix of their own. A 5-node graph of pure core nodes is
// triggered through its webhook by a closed loop of 10 connections (each posts again once answered 202) for
// BENCH_SECONDS (default 60); runs_per_s_2workers counts the runs that finished inside that window, in the database.
// Prints one JSON line {"name","value","unit"} per figure.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { connectDb, db, disconnectDb } from "@/server/db/client";
import type { TSeqEvent } from "@/server/runtime/run-store";
import { buildSpec } from "@/server/runtime/testing/build-spec";
import { newRedisTarget, spawnWorker, startQueueModeWeb, untilTakingRuns } from "@/server/scale/testing/queue-mode-harness";
import { createWorkspaceWithMembers } from "@/server/testing/factories";
import { sessionCookieFor } from "@/server/testing/session-cookie";
import { callerFor } from "@/server/testing/trpc-callers";
import { createWebhookHandler } from "@/server/triggers/webhook-handler";
import { treeRssMb } from "./process-memory";
import { passThroughSpec } from "./webhook-graph";
import { createThrowawayDatabase } from "./throwaway-database";
import { percentile, round } from "./timed-run-store";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const CONNECTIONS = 10;
/** How often the latency probe starts a run (webhook -> 300 ms Delay -> output) and subscribes to it at once. */
const PROBE_EVERY_MS = 500;
const IDLE_SETTLE_MS = 3_000;
const ORIGIN = "http://bench.test";
const TERMINAL = ["succeeded", "failed", "cancelled"];

function emit(name: string, value: number, unit: string): void {
  process.stdout.write(`${JSON.stringify({ name, value, unit })}\n`);
}

/** One query every 50 ms for all the runs the connections wait on. */
function createCompletionWatcher() {
  const waiting = new Map<string, () => void>();
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      if (waiting.size > 0) {
        const done = await db().run.findMany({ where: { id: { in: [...waiting.keys()] }, status: { in: ["succeeded", "failed", "cancelled"] } }, select: { id: true } });
        for (const { id } of done) {
          waiting.get(id)?.();
          waiting.delete(id);
        }
      }
      await sleep(50);
    }
  })();
  return {
    finished: (runId: string) => new Promise<void>((resolve) => waiting.set(runId, resolve)),
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}

const database = await createThrowawayDatabase();
connectDb(database.url);
const redis = newRedisTarget();
// BENCH_CPU_PROF=DIR: each worker writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
const nodeArgs = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
const workers = [0, 1].map((i) => spawnWorker({ databaseUrl: database.url, redis, name: `bench-${i}`, leaseMs: 30_000, nodeArgs }));
const web = await startQueueModeWeb(redis, ORIGIN);
const hooks = createServer(createWebhookHandler({ db: db(), ratePerMinute: 1_000_000 }));
try {
  await new Promise<void>((resolve) => hooks.listen(0, "127.0.0.1", resolve));
  const hooksUrl = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}`;
  await Promise.all(workers.map((worker) => untilTakingRuns(worker, 60_000)));

  const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
  const api = callerFor(members.owner);
  const publish = async (name: string, spec: ReturnType<typeof passThroughSpec>) => {
    const created = await api.graph.create({ workspaceId: workspace.id, name, spec });
    await api.graph.publishVersion({ workspaceId: workspace.id, graphId: created.id, draftRevision: created.draftRevision });
    const { token } = await api.trigger.createWebhookToken({ workspaceId: workspace.id, graphId: created.id, nodeId: "hook" });
    const deliver = async (): Promise<string> => {
      const response = await fetch(`${hooksUrl}/api/hooks/${token}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ n: 1 }) });
      if (response.status !== 202) throw new Error(`webhook answered ${response.status}: ${await response.text()}`);
      return ((await response.json()) as { runId: string }).runId;
    };
    return { graphId: created.id, deliver };
  };
  const { graphId, deliver: trigger } = await publish("Scale-out", passThroughSpec());
  // A run of the measured graph may end before a subscription reaches it; the probe's runs outlive their subscription,
  // so the events they emit after it (on whichever worker resumes them) cross to this web side live.
  const { deliver: triggerProbe } = await publish(
    "Latency probe",
    buildSpec(
      [
        { id: "hook", type: "core/webhook" },
        { id: "wait", type: "core/delay", config: { ms: 300 } },
        { id: "out", type: "core/output", config: { name: "body" } },
      ],
      ["hook.out->wait.in", "wait.out->out.in"],
    ),
  );
  const watcher = createCompletionWatcher();
  // Warm-up: both workers have loaded their code paths and opened their connections.
  await Promise.all(Array.from({ length: CONNECTIONS }, async () => watcher.finished(await trigger())));

  await sleep(IDLE_SETTLE_MS);
  // This process alone (the workers are its children): the web side, with the load generator's small share.
  emit("rss_idle_mb_web_worker", round(process.memoryUsage.rss() / 1024 / 1024 + treeRssMb(workers[0]!.child.pid!)), "MB");

  const socket = web.open({ Origin: ORIGIN, Cookie: await sessionCookieFor(members.owner) });
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  const subscribedAt = new Map<string, number>();
  const latencies: number[] = [];
  socket.on("run:events", (frame: { events: TSeqEvent[] }) => {
    const receivedAt = Date.now();
    for (const event of frame.events) {
      const since = subscribedAt.get(event.runId);
      if (since !== undefined && event.ts > since) latencies.push(receivedAt - event.ts);
    }
  });

  await watcher.stop();
  // Each connection posts its next delivery as soon as the webhook answered 202: the workers always have a backlog,
  // and what counts is the runs they finish inside the window.
  const started = new Date();
  const deadline = started.getTime() + SECONDS * 1_000;
  let triggered = 0;
  const probe = (async () => {
    while (Date.now() < deadline) {
      const runId = await triggerProbe();
      await new Promise((resolve) => socket.emit("run:subscribe", { runId, afterSeq: 0 }, resolve));
      subscribedAt.set(runId, Date.now());
      await sleep(PROBE_EVERY_MS);
    }
  })();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < deadline) {
        await trigger();
        triggered += 1;
      }
    }),
  );
  const ended = new Date();
  await probe;
  // The last probe runs end after the window; their events are still measured.
  await sleep(1_000);
  const elapsedSeconds = (ended.getTime() - started.getTime()) / 1_000;
  const completed = await db().run.count({ where: { graphId, status: "succeeded", finishedAt: { gte: started, lte: ended } } });
  socket.close();
  const unfinished = await db().run.count({ where: { graphId, status: { notIn: TERMINAL as ("succeeded" | "failed" | "cancelled")[] } } });
  emit("runs_per_s_2workers", round(completed / elapsedSeconds), "runs/s");
  emit("webhook_deliveries_per_s", round(triggered / elapsedSeconds), "deliveries/s");
  emit("cross_process_event_p99_ms", round(percentile(latencies.sort((a, b) => a - b), 99)), "ms");
  emit("cross_process_events_sampled", latencies.length, "events");
  emit("runs_unfinished_at_end", unfinished, "runs");
} finally {
  await Promise.all(workers.map((worker) => worker.stop()));
  await web.close();
  await new Promise((resolve) => hooks.close(resolve));
  await disconnectDb();
  await database.drop();
}
