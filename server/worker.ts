// A worker process (`npm run worker`, STUDIO_PROCESS=worker): drives runs from the BullMQ queue, no web server.
// Needs REDIS_URL and DATABASE_URL (the ones its web processes use), STUDIO_MASTER_KEY to read workspace secrets, and
// STUDIO_DATA_DIR on the same storage as the web processes' (installed plugin sources). Any number, on any machine.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { connectDb, disconnectDb } from "./db/client";
import { migrateDatabase } from "./db/migrate";
import { endpointOf, protectStudioPorts } from "./egress/studio-ports";
import { env } from "./env";
import { createReadyHandler, handleHealth } from "./http/health-routes";
import { createMetricsHandler } from "./http/metrics-route";
import { createReadinessCheck } from "./http/readiness";
import { listenWorkerHttp } from "./http/worker-http";
import { setPluginStorageDir } from "./plugins/plugin-storage";
import { resolveRuntimeInstance } from "./runtime-owner";
import { startQueueMode } from "./scale/queue-mode";
import { createRunEventPublisher, newProcessOrigin } from "./scale/run-event-relay";
import { loadMasterKey, setMasterKey } from "./secrets/master-key";
import { startRuntime } from "./start-runtime";
import { logger } from "./telemetry/logger";
import { metricsRegistry } from "./telemetry/metrics";

const SHUTDOWN_GRACE_MS = 10_000;

export async function startWorker(): Promise<void> {
  const config = env();
  if (config.STUDIO_PROCESS !== "worker") throw new Error("A worker process needs STUDIO_PROCESS=worker (npm run worker sets it)");
  const databaseUrl = config.DATABASE_URL!;
  const redis = config.redis!;
  setMasterKey(loadMasterKey({ envKey: config.STUDIO_MASTER_KEY, dataDir: config.dataDir, isEmbedded: false }));
  setPluginStorageDir(path.join(config.dataDir, "plugins"));
  const services = [endpointOf(databaseUrl, 5432), endpointOf(redis.url, 6379)];
  protectStudioPorts([config.PORT, ...(config.STUDIO_WORKER_PORT ? [config.STUDIO_WORKER_PORT] : []), ...services.map((service) => service.port)], services);
  await migrateDatabase(databaseUrl);
  const db = connectDb(databaseUrl);
  const queueMode = await startQueueMode(redis);
  const runEvents = createRunEventPublisher(redis, newProcessOrigin());
  const instance = resolveRuntimeInstance({ envInstance: config.STUDIO_RUNTIME_INSTANCE, dataDir: config.dataDir, isEmbedded: false });
  const runtime = await startRuntime(db, { onEvent: runEvents.publish, instance, queueMode });
  const http = config.STUDIO_WORKER_PORT
    ? await listenWorkerHttp({
        port: config.STUDIO_WORKER_PORT,
        host: config.HOST,
        routes: {
          health: handleHealth,
          ready: createReadyHandler(createReadinessCheck(databaseUrl, undefined, { ...queueMode.readinessChecks, runtime: runtime.readiness })),
          metrics: createMetricsHandler({ token: config.STUDIO_METRICS_TOKEN, registry: metricsRegistry }),
        },
      })
    : undefined;
  logger.info({ owner: runtime.runtime.owner, port: config.STUDIO_WORKER_PORT }, "worker is taking runs");

  let isStopping = false;
  async function shutdown(signal: string): Promise<void> {
    if (isStopping) return;
    isStopping = true;
    logger.info({ signal }, "worker shutting down: runs in progress go back to the queue");
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    await http?.close();
    await runtime.stop();
    await runEvents.close();
    await queueMode.close();
    await disconnectDb();
    logger.info("worker stopped");
    process.exit(0);
  }
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

const isEntryPoint = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) {
  process.env.STUDIO_PROCESS ??= "worker";
  Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? "production" });
  startWorker().catch((error: unknown) => {
    logger.fatal({ err: error }, "the worker could not start");
    process.stderr.write(`\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
