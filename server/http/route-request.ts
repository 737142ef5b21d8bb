import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "../app-error";
import { logger } from "../telemetry/logger";

export type THttpHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

/**
 * Sends /api/trpc, /api/auth, /api/hooks (webhook triggers), /api/health (liveness) and /api/ready (readiness) to the
 * studio's own handlers and everything else to Next.
 * A handler that throws answers a JSON error instead of leaving the request hanging.
 */
export function createRequestRouter(routes: { trpc: THttpHandler; auth: THttpHandler; hooks: THttpHandler; health: THttpHandler; ready: THttpHandler; next: THttpHandler }) {
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
              : routes.next;
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
