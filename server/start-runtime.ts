// Single-node mode: the runtime runs inside the web process, on the Postgres store, woken by domain events.
import type { TDb } from "./db/client";
import { createPrismaRunStore } from "./db/prisma-run-store";
import { releaseEarlierLeases } from "./db/release-earlier-leases";
import { env } from "./env";
import { studioEvents } from "./events/studio-events";
import { closeSandboxPool } from "./plugins/sandbox-host";
import { loadWorkspaceImplementations } from "./plugins/workspace-plugins";
import { getMasterKey } from "./secrets/master-key";
import { resolveSecretValue } from "./services/secret/resolve-secret";
import type { TSeqEvent } from "./runtime/run-store";
import { createRuntime } from "./runtime/runtime";
import { createRuntimeOwner } from "./runtime-owner";
import { logger } from "./telemetry/logger";

/** `instance`: this studio's stable name (runtime-owner.ts); leases its earlier starts left are released first. */
export async function startRuntime(db: TDb, options: { onEvent?: (event: TSeqEvent) => void; instance?: string } = {}) {
  const log = logger.child({ component: "runtime" });
  const config = env();
  let owner: string | undefined;
  if (options.instance) {
    owner = createRuntimeOwner(options.instance);
    const released = await releaseEarlierLeases(db, { instance: options.instance, owner });
    if (released > 0) log.info({ released, instance: options.instance }, "released the leases of this instance's earlier start: its runs resume now");
  }
  const runtime = createRuntime({
    store: createPrismaRunStore(db),
    implementations: (run) => loadWorkspaceImplementations(db, run),
    resolveSecret: (workspaceId, name) => resolveSecretValue(db, { workspaceId, name, masterKey: getMasterKey() }),
    maxActivations: config.STUDIO_RUNTIME_MAX_ACTIVATIONS,
    maxRuns: config.STUDIO_RUNTIME_MAX_RUNS,
    maxRunsPerWorkspace: config.STUDIO_RUNTIME_MAX_RUNS_PER_WORKSPACE,
    maxRunsPerGraph: config.STUDIO_RUNTIME_MAX_RUNS_PER_GRAPH,
    owner,
    onEvent: options.onEvent,
    onError: (error, context) => log.error({ err: error, context }, "runtime error"),
  });
  const unsubscribe = [
    studioEvents.on("run.queued", () => runtime.wake()),
    studioEvents.on("run.cancel_requested", ({ runId }) => {
      if (!runtime.cancelLocally(runId)) runtime.wake();
    }),
  ];
  runtime.start();
  log.info({ owner: runtime.owner }, "runtime started");
  return {
    runtime,
    async stop(): Promise<void> {
      unsubscribe.forEach((off) => off());
      await runtime.stop();
      await closeSandboxPool();
      log.info("runtime stopped, leases released");
    },
  };
}
