// Single-node mode: the runtime runs inside the web process, on the Postgres store, woken by domain events.
import type { TDb } from "./db/client";
import { createPrismaRunStore } from "./db/prisma-run-store";
import { studioEvents } from "./events/studio-events";
import { STUDIO_NODE_IMPLEMENTATIONS } from "./runtime/nodes/registry";
import { createRuntime } from "./runtime/runtime";
import { logger } from "./telemetry/logger";

export function startRuntime(db: TDb) {
  const log = logger.child({ component: "runtime" });
  const runtime = createRuntime({
    store: createPrismaRunStore(db),
    implementations: STUDIO_NODE_IMPLEMENTATIONS,
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
      log.info("runtime stopped, leases released");
    },
  };
}
