// POST /api/hooks/<token>: a Webhook trigger's secret URL. Routed by the custom server before Next (server/main.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import { findUnsafeJson } from "@/lib/json/find-unsafe-json";
import { AppError } from "../app-error";
import type { TDb } from "../db/client";
import { readBody } from "../http/read-body";
import { startWebhookRun } from "../services/trigger/start-webhook-run";
import { toTokenHash } from "../auth/one-time-token";
import { parseTraceparent } from "../runtime/trace-context";
import { logger } from "../telemetry/logger";
import { createLimiter, secondsUntil } from "../rate-limits/limiter-store";
import { createReservedPoints } from "../rate-limits/reserved-points";
import { findWebhookDelivery } from "./find-webhook-delivery";
import { WEBHOOK_PATH_PREFIX } from "./webhook-url";
import { parseWebhookBody, parseWebhookQuery, pickWebhookHeaders, readIdempotencyKey, WebhookRefusal } from "./webhook-request";
import { sendJson } from "../http/send-json";

export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;
const MAX_BODY_DEPTH = 64;

/**
 * Looks the token up by its sha256 with what the delivery needs (find-webhook-delivery.ts; an unknown, disabled or
 * unpublished webhook is the same 404), rate-limits per
 * trigger, reads at most 1 MB of JSON, form or text, refuses prototype-reaching keys, and queues a run of the
 * published version with `{ body, query, headers }` as its input: 202 `{ runId }`. A valid W3C `traceparent` header
 * makes the run's trace a child of the sender's span; an invalid one is ignored, as the W3C spec asks.
 */
export function createWebhookHandler(options: { db: TDb; ratePerMinute: number; now?: () => number }) {
  const { db } = options;
  const now = options.now ?? Date.now;
  // Counted in Postgres (or Redis) with the sign-in limits (server/rate-limits/), so every process shares one budget
  // per trigger; a large budget is taken in blocks (reserved-points.ts).
  const limiter = createReservedPoints(createLimiter({ name: "webhook", points: options.ratePerMinute, durationSeconds: 60 }), options.ratePerMinute, now);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method !== "POST") throw new WebhookRefusal(405, "Webhooks accept POST only", { Allow: "POST" });
    const token = url.pathname.slice(WEBHOOK_PATH_PREFIX.length);
    const tokenHash = toTokenHash(token);
    if (!tokenHash) throw unknownWebhook();
    const idempotencyKey = readIdempotencyKey(req.headers);
    const delivery = await findWebhookDelivery({ tokenHash }, idempotencyKey);
    const trigger = delivery?.trigger;
    if (!delivery || !trigger || trigger.kind !== "webhook" || !trigger.isEnabled) throw unknownWebhook();

    const budget = await limiter.consume(trigger.id);
    if (!budget.ok) throw new WebhookRefusal(429, "Too many requests for this webhook", { "Retry-After": String(secondsUntil(budget.msBeforeNext)) });
    if (Number(req.headers["content-length"] ?? 0) > MAX_WEBHOOK_BODY_BYTES) throw tooLarge();
    const raw = await readBody(req, MAX_WEBHOOK_BODY_BYTES).catch((error: unknown) => {
      throw error instanceof AppError && error.code === "PAYLOAD_TOO_LARGE" ? tooLarge() : error;
    });
    const input = { body: parseWebhookBody(req.headers["content-type"], raw), query: parseWebhookQuery(url.searchParams), headers: pickWebhookHeaders(req.headers) };
    const unsafe = findUnsafeJson(input, MAX_BODY_DEPTH);
    if (unsafe) throw new WebhookRefusal(400, `${unsafe.message} at ${unsafe.path.join(".")}`);

    const sender = parseTraceparent(req.headers.traceparent);
    const trace = sender && { traceId: sender.traceId, parentSpanId: sender.spanId };
    const run = await startWebhookRun(db, { trigger, delivery, input, idempotencyKey, trace, now: new Date(now()) });
    sendJson(res, 202, { runId: run.runId });
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      await handle(req, res);
    } catch (error) {
      const refusal = toRefusal(error);
      if (refusal.status >= 500) logger.error({ err: error }, "webhook request failed");
      // A refused upload is not read to its end: close the connection instead of draining it.
      if (!req.complete) res.setHeader("Connection", "close");
      sendJson(res, refusal.status, { error: refusal.message }, refusal.headers);
    }
  };
}

function unknownWebhook(): WebhookRefusal {
  return new WebhookRefusal(404, "Unknown webhook");
}

function tooLarge(): WebhookRefusal {
  return new WebhookRefusal(413, `The body is larger than ${MAX_WEBHOOK_BODY_BYTES} bytes`);
}

const APP_ERROR_STATUS: Partial<Record<AppError["code"], number>> = { BAD_REQUEST: 400, NOT_FOUND: 404, PAYLOAD_TOO_LARGE: 413 };

function toRefusal(error: unknown): WebhookRefusal {
  if (error instanceof WebhookRefusal) return error;
  if (error instanceof AppError && error.code === "NOT_FOUND") return unknownWebhook();
  const status = error instanceof AppError ? APP_ERROR_STATUS[error.code] : undefined;
  return status ? new WebhookRefusal(status, (error as AppError).message) : new WebhookRefusal(500, "Internal server error");
}

