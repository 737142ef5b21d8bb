// The studio's HTTP server as every web process serves it (server/main.ts, and the queue-mode web processes of the
// scale tests): tRPC, next-auth, webhooks, probes and metrics on one router, socket.io beside it, the security headers
// on every response. `next` answers everything else (the pages).
import { createServer } from "node:http";
import { createTrpcHttpHandler } from "../api/http-handler";
import { handleAuthRequest } from "../auth/auth-http-handler";
import { createAuthOptions } from "../auth/auth-options";
import type { TDb } from "../db/client";
import type { TEnv } from "../env";
import { createSmtpMailer } from "../mail/mailer";
import type { TRunEventHub } from "../realtime/run-stream/run-event-hub";
import { attachRealtime } from "../realtime/socket-server";
import type { startScaleOut } from "../scale/start-scale-out";
import { metricsRegistry } from "../telemetry/metrics";
import { createWebhookHandler } from "../triggers/webhook-handler";
import { createReadyHandler, handleHealth } from "./health-routes";
import { createMetricsHandler } from "./metrics-route";
import { createReadinessCheck, type TDependencyCheck } from "./readiness";
import { createRequestRouter, type THttpHandler } from "./route-request";
import { secureEveryResponse, type TSecurityHeaders } from "./security-headers";

export function createStudioHttpServer(options: {
  config: TEnv;
  db: TDb;
  databaseUrl: string;
  secret: string;
  runEvents: TRunEventHub;
  scale: Awaited<ReturnType<typeof startScaleOut>>;
  readinessChecks: Record<string, TDependencyCheck>;
  securityHeaders: TSecurityHeaders;
  next: THttpHandler;
}) {
  const { config, db, secret, securityHeaders } = options;
  const authOptions = createAuthOptions({ db, secret, oidcProviders: config.STUDIO_OIDC_PROVIDERS });
  const server = createServer(
    createRequestRouter({
      trpc: createTrpcHttpHandler({ db, secret, mailer: config.SMTP_URL ? createSmtpMailer({ url: config.SMTP_URL, from: config.mailFrom }) : null }),
      auth: (req, res) => handleAuthRequest(req, res, authOptions),
      hooks: createWebhookHandler({ db, ratePerMinute: config.STUDIO_WEBHOOK_RATE_LIMIT }),
      health: handleHealth,
      ready: createReadyHandler(createReadinessCheck(options.databaseUrl, undefined, options.readinessChecks)),
      metrics: createMetricsHandler({ token: config.STUDIO_METRICS_TOKEN, registry: metricsRegistry }),
      next: options.next,
    }, securityHeaders),
  );
  const realtime = attachRealtime(server, { db, secret, allowedOrigins: config.allowedOrigins, runEvents: options.runEvents, clusterAdapter: options.scale?.socketAdapter });
  secureEveryResponse(server, securityHeaders);
  return { server, realtime };
}
