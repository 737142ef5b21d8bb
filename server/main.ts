// The studio process: one HTTP server hosting Next's pages, tRPC, next-auth and socket.io; Postgres embedded or external.
// `npm run dev` runs this file with --dev; `npm start` runs server/start.ts, which builds when needed and imports it.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { connectDb, disconnectDb } from "./db/client";
import { endpointOf, protectStudioPorts } from "./egress/studio-ports";
import { startEmbeddedPostgres, type TEmbeddedDatabase } from "./db/embedded-postgres";
import { migrateDatabase } from "./db/migrate";
import { env } from "./env";
import type { TDependencyCheck } from "./http/readiness";
import { createSecurityHeaders } from "./http/security-headers";
import { createStudioHttpServer } from "./http/studio-http-server";
import { startGatewayRunSweeper } from "./openclaw-gateway/end-abandoned-gateway-runs";
import { closeAllLiveGateways, setGatewayRunPublisher } from "./openclaw-gateway/live-gateways";
import { createRunEventHub } from "./realtime/run-stream/run-event-hub";
import { SOCKET_PATH } from "./realtime/socket-server";
import { loadOrCreateSecretFile } from "./secret-file";
import { getPluginSourcesDir, setPluginStorageDir } from "./plugins/plugin-storage";
import { loadMasterKey, setMasterKey } from "./secrets/master-key";
import { seedDatabaseIfEmpty, type TSeedResult } from "./seed/seed-database";
import { resolveRuntimeInstance } from "./runtime-owner";
import { startScaleOut } from "./scale/start-scale-out";
import { startRuntime } from "./start-runtime";
import { logger } from "./telemetry/logger";
import { createRunPruner } from "./retention/run-pruner";
import { createScheduler } from "./triggers/scheduler";

const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SHUTDOWN_GRACE_MS = 10_000;

export async function startStudio(options: { dev: boolean }): Promise<void> {
  const config = env();
  // Before anything starts: a missing master key with an external database stops start-up with a clear message.
  setMasterKey(loadMasterKey({ envKey: config.STUDIO_MASTER_KEY, dataDir: config.dataDir, isEmbedded: !config.DATABASE_URL }));
  setPluginStorageDir(path.join(config.dataDir, "plugins"));
  mkdirSync(getPluginSourcesDir(), { recursive: true });
  const embedded: TEmbeddedDatabase | undefined = config.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.EMBEDDED_PG_PORT, onFatal: exitOnDatabaseLoss });
  try {
    await serveStudio({ dev: options.dev, databaseUrl: config.DATABASE_URL ?? embedded!.url, embedded });
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

async function serveStudio(options: { dev: boolean; databaseUrl: string; embedded: TEmbeddedDatabase | undefined }) {
  const config = env();
  const { databaseUrl, embedded } = options;
  const services = [endpointOf(databaseUrl, 5432), ...(config.redis ? [endpointOf(config.redis.url, 6379)] : [])];
  protectStudioPorts([config.PORT, ...services.map((service) => service.port)], services);
  await migrateDatabase(databaseUrl);
  const db = connectDb(databaseUrl);
  printSeedResult(await seedDatabaseIfEmpty(db, { adminPassword: config.STUDIO_ADMIN_PASSWORD }));

  const secret = config.NEXTAUTH_SECRET ?? loadOrCreateSecretFile(config.dataDir, "nextauth-secret");
  // next-auth reads its own origin from NEXTAUTH_URL when it builds callback and redirect URLs.
  process.env.NEXTAUTH_URL = config.publicUrl;

  const { default: next } = await import("next");
  const nextApp = next({ dev: options.dev, dir: PROJECT_DIR, hostname: "localhost", port: config.PORT });
  await nextApp.prepare();
  const handleNext = nextApp.getRequestHandler();
  // Run events go from the runtime to socket subscribers in process; the database gets them in batches beside. In
  // queue mode they also come from (and go to) the other processes through Redis.
  const runEvents = createRunEventHub();
  const scale = await startScaleOut(config, runEvents);
  const securityHeaders = createSecurityHeaders({ publicUrl: config.publicUrl, isDev: options.dev });
  // A process that drives runs is ready once its runtime runs (it starts below, before the server listens).
  const drivesRuns = config.STUDIO_PROCESS === "all";
  let runtimeReadiness: TDependencyCheck = async () => "starting";
  const readinessChecks = { ...scale?.queueMode.readinessChecks, ...(drivesRuns ? { runtime: (timeoutMs: number) => runtimeReadiness(timeoutMs) } : {}) };

  const { server, realtime } = createStudioHttpServer({
    config,
    db,
    databaseUrl,
    secret,
    runEvents,
    scale,
    readinessChecks,
    securityHeaders,
    next: (req, res) => handleNext(req, res),
  });
  const instance = resolveRuntimeInstance({ envInstance: config.STUDIO_RUNTIME_INSTANCE, dataDir: config.dataDir, isEmbedded: embedded !== undefined });
  // STUDIO_PROCESS=web leaves runs to the workers (`npm run worker`).
  const runtime = drivesRuns ? await startRuntime(db, { onEvent: scale?.publishRunEvent ?? runEvents.publish, instance, queueMode: scale?.queueMode }) : undefined;
  if (runtime) runtimeReadiness = runtime.readiness;
  // OpenClaw gateway recordings stream like engine runs; one a stopped process left "running" is ended by the sweep.
  setGatewayRunPublisher(scale?.publishRunEvent ?? runEvents.publish);
  const gatewaySweeper = startGatewayRunSweeper(db, { everyMs: 15_000, publish: scale?.publishRunEvent ?? runEvents.publish, onError: (error) => logger.warn({ err: error }, "gateway run sweep failed") });
  // Schedule triggers fire from every web process; a compare-and-set per tick keeps each tick to one run.
  const scheduler = createScheduler({ db });
  scheduler.start();
  // Run retention: every web process runs a pruner (workers do not), an advisory lock lets one pass work at a time.
  const pruner = createRunPruner({ db, intervalMs: config.STUDIO_RUN_PRUNE_INTERVAL_MS });
  pruner.start();
  const handleNextUpgrade = options.dev ? nextApp.getUpgradeHandler() : undefined;
  server.on("upgrade", (req, socket, head) => {
    if ((req.url ?? "").startsWith(SOCKET_PATH)) return;
    if (handleNextUpgrade) void handleNextUpgrade(req, socket, head);
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.PORT, config.HOST, resolve);
  });
  logger.info({ url: config.publicUrl, mode: options.dev ? "dev" : "production", database: embedded ? "embedded" : "external" }, "studio is listening");

  let isStopping = false;
  async function shutdown(signal: string): Promise<void> {
    if (isStopping) return;
    isStopping = true;
    embedded?.expectShutdown();
    logger.info({ signal }, "shutting down");
    const forceExit = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    forceExit.unref();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    await realtime.close();
    server.closeIdleConnections();
    await closed;
    await scheduler.stop();
    await pruner.stop();
    await closeAllLiveGateways("The studio shut down while recording this gateway run; the gateway kept running it");
    await gatewaySweeper.stop();
    await runtime?.stop();
    await scale?.close();
    await nextApp.close();
    await disconnectDb();
    await embedded?.stop();
    logger.info("stopped");
    process.exit(0);
  }
  // This process owns its signals (db/embedded-postgres.ts removes the library's own hooks): Postgres stops last.
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

/**
 * The embedded Postgres died and its watchdog could not start it again: exit non-zero so a supervisor (systemd,
 * Docker's restart policy) sees the failure. Leases left behind are released at the next start (runtime-owner.ts).
 */
function exitOnDatabaseLoss(error: Error): void {
  logger.fatal({ err: error }, "the database is gone");
  process.stderr.write(`\n${error.message}\n`);
  process.exit(1);
}

function printSeedResult(result: TSeedResult): void {
  if (!result.seeded) return;
  const password = result.generatedPassword ?? "(the value of STUDIO_ADMIN_PASSWORD)";
  process.stdout.write(
    `\nSeeded a new studio with workspace "${result.workspaceSlug}". Sign in as:\n` +
      `  email: ${result.email}\n` +
      `  password: ${password}\n` +
      (result.generatedPassword ? "  (shown once: it is stored only as a hash)\n\n" : "\n"),
  );
}

const isEntryPoint = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) {
  const dev = process.argv.includes("--dev");
  Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? (dev ? "development" : "production"), NEXT_TELEMETRY_DISABLED: "1" });
  startStudio({ dev }).catch((error: unknown) => {
    logger.fatal({ err: error }, "the studio could not start");
    process.stderr.write(`\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
