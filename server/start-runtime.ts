// The runtime of a studio process, on the Postgres store. Single-process mode: woken by domain events, it claims runs
// by polling. Queue mode (REDIS_URL): a BullMQ worker claims the run each job names and hands it over; the store adds
// jobs for the runs its writes make ready (server/scale/).
import type { TDb } from "./db/client";
import { pgPool } from "./db/client";
import { createPrismaRunStore } from "./db/prisma-run-store";
import { watchCanaryRuns } from "./deployments/watch-canary-runs";
import { releaseEarlierLeases } from "./db/release-earlier-leases";
import { closeMcpSessions, closeSessionsOfRemovedCommands } from "./agents/mcp/mcp-sessions";
import { env } from "./env";
import { studioEvents } from "./events/studio-events";
import { closeSandboxPool } from "./plugins/sandbox-host";
import { loadWorkspaceImplementations } from "./plugins/workspace-plugins";
import { getMasterKey } from "./secrets/master-key";
import { resolveSecretValue } from "./services/secret/resolve-secret";
import type { TSeqEvent } from "./runtime/run-store";
import { createRuntime } from "./runtime/runtime";
import { createRuntimeOwner } from "./runtime-owner";
import { withQueueDispatch } from "./scale/queue-dispatching-store";
import type { TQueueMode } from "./scale/queue-mode";
import { startRunQueueWorker } from "./scale/run-queue-worker";
import { startRunSweeper } from "./scale/run-sweeper";
import { logger } from "./telemetry/logger";
import { reportQueueDepthFrom } from "./telemetry/metrics";
import { createRunTelemetry } from "./telemetry/run-telemetry";
import { getTracing } from "./telemetry/tracing";

/** `instance`: this studio's stable name (runtime-owner.ts); leases its earlier starts left are released first. */
export async function startRuntime(db: TDb, options: { onEvent?: (event: TSeqEvent) => void; instance?: string; queueMode?: Pick<TQueueMode, "redis" | "queue"> } = {}) {
  const log = logger.child({ component: "runtime" });
  const config = env();
  const { queueMode } = options;
  let owner: string | undefined;
  if (options.instance) {
    owner = createRuntimeOwner(options.instance);
    const released = await releaseEarlierLeases(db, { instance: options.instance, owner });
    if (released > 0) log.info({ released, instance: options.instance }, "released the leases of this instance's earlier start: its runs resume now");
  }
  const leaseMs = config.STUDIO_RUNTIME_LEASE_MS;
  const postgresStore = createPrismaRunStore(db);
  // Logs, metrics and spans of runs, from the runtime's events (server/telemetry/README.md).
  const telemetry = createRunTelemetry({ log, tracing: getTracing() });
  // Canary promotion and rollback rules, judged after every run this process finishes (server/deployments/).
  const judgeCanaries = watchCanaryRuns(db, (error, runId) => log.error({ err: error, runId }, "canary evaluation failed"));
  const runtime = createRuntime({
    store: queueMode ? withQueueDispatch(postgresStore, queueMode.queue) : postgresStore,
    implementations: (run) => loadWorkspaceImplementations(db, run),
    resolveSecret: (workspaceId, name, environmentId) => resolveSecretValue(db, { workspaceId, name, environmentId, masterKey: getMasterKey() }),
    maxActivations: config.STUDIO_RUNTIME_MAX_ACTIVATIONS,
    maxRuns: config.STUDIO_RUNTIME_MAX_RUNS,
    maxRunsPerWorkspace: config.STUDIO_RUNTIME_MAX_RUNS_PER_WORKSPACE,
    maxRunsPerGraph: config.STUDIO_RUNTIME_MAX_RUNS_PER_GRAPH,
    owner,
    leaseMs,
    heartbeatMs: Math.max(200, Math.floor(leaseMs / 6)),
    autoClaim: !queueMode,
    onEvent: (event) => {
      telemetry.onEvent(event);
      judgeCanaries(event);
      options.onEvent?.(event);
    },
    onError: (error, context) => log.error({ err: error, context }, "runtime error"),
  });
  const unsubscribe = [
    studioEvents.on("run.cancel_requested", ({ runId }) => {
      if (!runtime.cancelLocally(runId)) runtime.wake();
    }),
    closeSessionsOfRemovedCommands(),
  ];
  if (!queueMode) unsubscribe.push(studioEvents.on("run.queued", () => runtime.wake()));
  runtime.start();
  const queueWorker = queueMode
    ? startRunQueueWorker({
        redis: queueMode.redis,
        pool: pgPool(),
        runtime,
        queue: queueMode.queue,
        concurrency: config.STUDIO_RUNTIME_MAX_RUNS,
        leaseMs,
        limits: { perWorkspace: config.STUDIO_RUNTIME_MAX_RUNS_PER_WORKSPACE, perGraph: config.STUDIO_RUNTIME_MAX_RUNS_PER_GRAPH },
      })
    : undefined;
  const sweeper = queueMode ? startRunSweeper({ pool: pgPool(), queue: queueMode.queue, everyMs: Math.min(5_000, leaseMs), graceMs: 5_000 }) : undefined;
  // The queue gauge of /api/metrics: BullMQ's jobs in queue mode; else runs queued in the database wait, and the runs
  // this process drives are active.
  reportQueueDepthFrom(queueMode ? () => queueMode.queue.counts() : async () => ({ waiting: await db.run.count({ where: { status: "queued" } }), active: runtime.drivingCount }));
  log.info({ owner: runtime.owner, dispatch: queueMode ? "queue" : "poll" }, "runtime started");
  return {
    runtime,
    /** Readiness (http/readiness.ts): "ok" while this process takes runs; a stopping runtime is not ready. */
    readiness: async (): Promise<string> => (runtime.isRunning && (queueWorker?.isTakingJobs() ?? true) ? "ok" : "stopped"),
    /** Graceful: takes no new run, stops the drives (their runs go back to the queue or resume at the next start). */
    async stop(): Promise<void> {
      unsubscribe.forEach((off) => off());
      await queueWorker?.pause();
      await sweeper?.stop();
      await runtime.stop();
      await queueWorker?.close();
      await closeSandboxPool();
      await closeMcpSessions();
      await getTracing()?.flush();
      log.info("runtime stopped, leases released");
    },
  };
}
