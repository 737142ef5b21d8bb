// A queue-mode web process (STUDIO_PROCESS=web) for scale tests, without Next: what server/main.ts serves besides
// the pages, built from the same parts (tRPC, next-auth, webhooks, probes, socket.io with the cluster adapter, the
// studio event bridge and the run queue of startScaleOut). It drives no runs, as a web process. Started by
// spawnWebProcess (queue-mode-harness.ts), which reads the line it prints once it listens.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createTrpcHttpHandler } from "../../api/http-handler";
import { handleAuthRequest } from "../../auth/auth-http-handler";
import { createAuthOptions } from "../../auth/auth-options";
import { connectDb, disconnectDb } from "../../db/client";
import { env } from "../../env";
import { createReadyHandler, handleHealth } from "../../http/health-routes";
import { createMetricsHandler } from "../../http/metrics-route";
import { createReadinessCheck } from "../../http/readiness";
import { createRequestRouter } from "../../http/route-request";
import { createSecurityHeaders } from "../../http/security-headers";
import { createRunEventHub } from "../../realtime/run-stream/run-event-hub";
import { attachRealtime } from "../../realtime/socket-server";
import { metricsRegistry } from "../../telemetry/metrics";
import { createWebhookHandler } from "../../triggers/webhook-handler";
import { startScaleOut } from "../start-scale-out";

const config = env();
if (config.STUDIO_PROCESS !== "web" || !config.NEXTAUTH_SECRET) throw new Error("A test web process needs STUDIO_PROCESS=web, REDIS_URL and NEXTAUTH_SECRET");
const databaseUrl = config.DATABASE_URL!;
const db = connectDb(databaseUrl);
const secret = config.NEXTAUTH_SECRET;
const authOptions = createAuthOptions({ db, secret });
const runEvents = createRunEventHub();
const scale = (await startScaleOut(config, runEvents))!;
const server = createServer(
  createRequestRouter(
    {
      trpc: createTrpcHttpHandler({ db, secret, mailer: null }),
      auth: (req, res) => handleAuthRequest(req, res, authOptions),
      hooks: createWebhookHandler({ db, ratePerMinute: config.STUDIO_WEBHOOK_RATE_LIMIT }),
      health: handleHealth,
      ready: createReadyHandler(createReadinessCheck(databaseUrl, undefined, scale.queueMode.readinessChecks)),
      metrics: createMetricsHandler({ token: config.STUDIO_METRICS_TOKEN, registry: metricsRegistry }),
      next: (_req, res) => {
        res.statusCode = 404;
        res.end();
      },
    },
    createSecurityHeaders({ publicUrl: config.publicUrl, isDev: false }),
  ),
);
const realtime = attachRealtime(server, { db, secret, allowedOrigins: config.allowedOrigins, runEvents, clusterAdapter: scale.socketAdapter });
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
process.stdout.write(`web process listening on http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);

process.on("SIGTERM", () => {
  void realtime
    .close()
    .then(() => new Promise((resolve) => server.close(resolve)))
    .then(() => scale.close())
    .then(disconnectDb)
    .then(() => process.exit(0));
});
