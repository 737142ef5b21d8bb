import { expect } from "vitest";
import { db } from "../db/client";

const END_EVENTS = ["run.completed", "run.failed", "run.cancelled"];

/**
 * Waits until a run ended and its last event is stored (the event writer persists in batches, shortly after the run's
 * status changes), then returns it with its steps and events in order.
 */
export async function waitForRunEnd(runId: string, timeout = 20_000) {
  await expect.poll(async () => db().runEvent.count({ where: { runId, type: { in: END_EVENTS } } }), { timeout }).toBeGreaterThan(0);
  return db().run.findUniqueOrThrow({ where: { id: runId }, include: { steps: { orderBy: { seq: "asc" } }, events: { orderBy: { seq: "asc" } } } });
}
