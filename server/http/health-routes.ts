import type { IncomingMessage, ServerResponse } from "node:http";
import { logger } from "../telemetry/logger";
import type { TReadiness } from "./readiness";
import { sendJson } from "./send-json";


/** /api/health, liveness: the process runs and serves HTTP. It never touches the database. */
export function handleHealth(_req: IncomingMessage, res: ServerResponse): void {
  sendJson(res, 200, { ok: true });
}

/** /api/ready, readiness: 200 when every check is "ok" (readiness.ts), else 503 with the checks. */
export function createReadyHandler(check: () => Promise<TReadiness>) {
  let wasReady = true;
  return async (_req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { isReady, checks } = await check();
    // Logged on change only: probes come every few seconds for as long as an outage lasts.
    if (isReady !== wasReady) logger[isReady ? "info" : "warn"]({ checks }, isReady ? "ready again: every dependency answers" : "not ready: a check failed");
    wasReady = isReady;
    sendJson(res, isReady ? 200 : 503, { status: isReady ? "ok" : "unavailable", checks });
  };
}
