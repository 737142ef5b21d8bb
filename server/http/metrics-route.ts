import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Registry } from "prom-client";
import { sendJson } from "./send-json";


/**
 * /api/metrics: the process's Prometheus metrics (telemetry/metrics.ts) for `Authorization: Bearer <token>`. Without a
 * configured token it answers 404, as if it did not exist: metrics tell the node types in use and the load, so they
 * are never open by default. A missing or wrong token is 401 with `WWW-Authenticate: Bearer`.
 */
export function createMetricsHandler(options: { token: string | undefined; registry: Registry }) {
  const expected = options.token === undefined ? undefined : digest(options.token);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!expected) return sendJson(res, 404, { error: "Not found" });
    if (req.method !== "GET" && req.method !== "HEAD") return sendJson(res, 405, { error: "Metrics are read with GET" }, { Allow: "GET, HEAD" });
    const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "");
    // Compared as digests: equal lengths for timingSafeEqual, and no early exit on the first differing character.
    if (!match || !timingSafeEqual(digest(match[1]!), expected)) {
      return sendJson(res, 401, { error: "Send Authorization: Bearer <STUDIO_METRICS_TOKEN>" }, { "WWW-Authenticate": 'Bearer realm="metrics"' });
    }
    const body = await options.registry.metrics();
    res.statusCode = 200;
    res.setHeader("Content-Type", options.registry.contentType);
    res.setHeader("Cache-Control", "no-store");
    res.end(req.method === "HEAD" ? undefined : body);
  };
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}
