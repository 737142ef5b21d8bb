import type { IncomingMessage, ServerResponse } from "node:http";
import { logger } from "../telemetry/logger";
import type { TReadiness } from "./readiness";

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json");
  res.setHeader("Cache-Control", "no-store");
  res.end(JSON.stringify(body));
}

/** /api/health, liveness: the process runs and serves HTTP. It never touches the database. */
export function handleHealth(_req: IncomingMessage, res: ServerResponse): void {
  sendJson(res, 200, { ok: true });
}

/** /api/ready, readiness: 200 when the database answers, else 503 with the failing check. */
export function createReadyHandler(check: () => Promise<TReadiness>) {
  let wasReady = true;
  return async (_req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { isReady, checks } = await check();
    // Logged on change only: probes come every few seconds for as long as an outage lasts.
    if (isReady !== wasReady) logger[isReady ? "info" : "warn"]({ checks }, isReady ? "ready again: the database answers" : "not ready: the database does not answer");
    wasReady = isReady;
    sendJson(res, isReady ? 200 : 503, { status: isReady ? "ok" : "unavailable", checks });
  };
}
