import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "../app-error";
import { logger } from "../telemetry/logger";
import type { TSecurityHeaders } from "./security-headers";

export type THttpHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

/**
 * Sends /api/trpc, /api/auth, /api/hooks (webhook triggers), /api/health (liveness), /api/ready (readiness) and
 * /api/metrics (Prometheus) to the studio's own handlers and everything else to Next.
 * A handler that throws answers a JSON error instead of leaving the request hanging.
 * Every response already carries the common security headers (`secureEveryResponse`); a request for Next gets the
 * page policy with a fresh script nonce.
 */
export function createRequestRouter(
  routes: { trpc: THttpHandler; auth: THttpHandler; hooks: THttpHandler; health: THttpHandler; ready: THttpHandler; metrics: THttpHandler; next: THttpHandler },
  securityHeaders: TSecurityHeaders,
) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const pathname = (req.url ?? "/").split("?")[0]!;
    const handler = pathname.startsWith("/api/trpc/")
      ? routes.trpc
      : pathname.startsWith("/api/auth/")
        ? routes.auth
        : pathname.startsWith("/api/hooks/")
          ? routes.hooks
          : pathname === "/api/health"
            ? routes.health
            : pathname === "/api/ready"
              ? routes.ready
              : pathname === "/api/metrics"
                ? routes.metrics
                : routes.next;
    if (handler === routes.next) securityHeaders.setPagePolicy(req, res);
    try {
      await handler(req, res);
    } catch (error) {
      const isTooLarge = error instanceof AppError && error.code === "PAYLOAD_TOO_LARGE";
      if (!isTooLarge) logger.error({ err: error, url: req.url }, "request handler failed");
      if (res.headersSent) return void res.end();
      res.statusCode = isTooLarge ? 413 : 500;
      res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify({ error: isTooLarge ? (error as AppError).message : "Internal server error" }));
    }
  };
}
