// Schedule triggers in the web process: every few seconds, fire the ticks that are due. Safe to run in several
// processes at once and across restarts: fireScheduleTick's compare-and-set lets exactly one of them fire a tick.
import type { TDb } from "../db/client";
import { fireScheduleTick, type TScheduleTrigger } from "../services/trigger/fire-schedule-tick";
import { logger } from "../telemetry/logger";

const DEFAULT_TICK_MS = 5_000;
/** Due triggers fired per pass; the rest wait for the next pass (a backlog after downtime drains in a few passes). */
const BATCH_SIZE = 100;

export type TScheduler = {
  start(): void;
  /** Stops the timer and waits for a pass in progress. */
  stop(): Promise<void>;
  /** One pass: fires every due tick (at most BATCH_SIZE). */
  tick(): Promise<void>;
};

export function createScheduler(options: { db: TDb; now?: () => Date; tickMs?: number }): TScheduler {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const tickMs = options.tickMs ?? DEFAULT_TICK_MS;
  const log = logger.child({ component: "scheduler" });
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<void> | undefined;
  let isRunning = false;

  async function firePass(): Promise<void> {
    const at = now();
    const due = await db.trigger.findMany({
      where: { kind: "schedule", isEnabled: true, nextFireAt: { lte: at } },
      select: { id: true, workspaceId: true, graphId: true, nodeId: true, environmentId: true, cron: true, timezone: true, nextFireAt: true },
      orderBy: { nextFireAt: "asc" },
      take: BATCH_SIZE,
    });
    for (const trigger of due) {
      try {
        const outcome = await fireScheduleTick(db, { trigger: trigger as TScheduleTrigger, now: at });
        if (outcome.kind === "skipped") log.warn({ triggerId: trigger.id, graphId: trigger.graphId, reason: outcome.reason }, "schedule tick skipped");
      } catch (error) {
        log.error({ err: error, triggerId: trigger.id }, "schedule tick failed; retried on the next pass");
      }
    }
  }

  // One pass at a time: a slow pass is never overlapped by the next timer.
  function tick(): Promise<void> {
    pass ??= firePass().finally(() => (pass = undefined));
    return pass;
  }

  function schedule(): void {
    if (!isRunning) return;
    timer = setTimeout(() => {
      tick()
        .catch((error: unknown) => log.error({ err: error }, "schedule pass failed"))
        .finally(schedule);
    }, tickMs);
    timer.unref();
  }

  return {
    start() {
      if (isRunning) return;
      isRunning = true;
      schedule();
      log.info({ tickMs }, "scheduler started");
    },
    async stop() {
      isRunning = false;
      clearTimeout(timer);
      await pass?.catch(() => undefined);
    },
    tick,
  };
}
