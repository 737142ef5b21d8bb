import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createWorkspaceWithMembers } from "../testing/factories";
import { callerFor } from "../testing/trpc-callers";
import { createScheduler } from "./scheduler";
import { createPublishedGraph, createTriggerGraphSpec } from "./testing/trigger-graphs";

// Ticks in the past, so triggers other test files left in the shared database (due in the real future) stay out of
// these passes. Triggers of earlier tests in this file may fire too: assertions count the runs of their own graph.
const TICK = new Date("2020-06-01T10:00:00.000Z");

/** A published graph with a Schedule every 5 minutes whose next tick is moved to `nextFireAt`. */
async function createSchedule(nextFireAt: Date) {
  const { workspace, members } = await createWorkspaceWithMembers(["editor"]);
  const api = callerFor(members.editor);
  const { graphId } = await createPublishedGraph(api, workspace.id, createTriggerGraphSpec({ cron: "*/5 * * * *" }));
  const trigger = await db().trigger.findFirstOrThrow({ where: { graphId, kind: "schedule" } });
  await db().trigger.update({ where: { id: trigger.id }, data: { nextFireAt } });
  return { api, workspaceId: workspace.id, graphId, triggerId: trigger.id };
}

const at = (iso: string) => () => new Date(iso);

function countRuns(graphId: string): Promise<number> {
  return db().run.count({ where: { graphId } });
}

describe("scheduler", () => {
  it("fires a tick exactly once across two processes and a restart", async () => {
    const { graphId, triggerId } = await createSchedule(TICK);
    const clock = at("2020-06-01T10:00:02.000Z");
    const [first, second] = [createScheduler({ db: db(), now: clock }), createScheduler({ db: db(), now: clock })];

    await Promise.all([first.tick(), second.tick()]);
    expect(await countRuns(graphId)).toBe(1);
    await first.stop();
    await createScheduler({ db: db(), now: clock }).tick();
    expect(await countRuns(graphId)).toBe(1);

    const runs = await db().run.findMany({ where: { graphId }, select: { id: true, trigger: true, input: true, idempotencyKey: true, graphVersionId: true } });
    const version = await db().graphVersion.findFirstOrThrow({ where: { graphId } });
    expect(runs).toEqual([
      {
        id: expect.any(String),
        trigger: "schedule",
        input: { firedAt: TICK.toISOString(), cron: "*/5 * * * *", timezone: "UTC" },
        idempotencyKey: `schedule:${triggerId}@${TICK.toISOString()}`,
        graphVersionId: version.id,
      },
    ]);
    const trigger = await db().trigger.findUniqueOrThrow({ where: { id: triggerId } });
    expect([trigger.nextFireAt?.toISOString(), trigger.lastFiredAt?.toISOString()]).toEqual(["2020-06-01T10:05:00.000Z", "2020-06-01T10:00:02.000Z"]);
  });

  it("after downtime fires the missed tick once, then continues from now", async () => {
    const { graphId, triggerId } = await createSchedule(TICK);
    let now = new Date("2020-06-01T13:37:00.000Z");
    const scheduler = createScheduler({ db: db(), now: () => now });

    await scheduler.tick();
    await scheduler.tick();
    expect(await countRuns(graphId)).toBe(1);
    expect((await db().trigger.findUniqueOrThrow({ where: { id: triggerId } })).nextFireAt?.toISOString()).toBe("2020-06-01T13:40:00.000Z");

    now = new Date("2020-06-01T13:40:01.000Z");
    await scheduler.tick();
    const runs = await db().run.findMany({ where: { graphId }, orderBy: { createdAt: "asc" }, select: { input: true } });
    expect(runs.map((run) => (run.input as { firedAt: string }).firedAt)).toEqual([TICK.toISOString(), "2020-06-01T13:40:00.000Z"]);
  });

  it("does not fire for a deleted graph, and turns its trigger off", async () => {
    const { api, workspaceId, graphId, triggerId } = await createSchedule(TICK);
    await api.graph.delete({ workspaceId, graphId });
    await createScheduler({ db: db(), now: at("2020-06-01T10:00:02.000Z") }).tick();
    expect(await countRuns(graphId)).toBe(0);
    expect(await db().trigger.findUniqueOrThrow({ where: { id: triggerId } })).toMatchObject({ isEnabled: false, nextFireAt: null });
  });

  it("once started, fires due ticks on its own timer until stopped", async () => {
    const { graphId } = await createSchedule(TICK);
    const scheduler = createScheduler({ db: db(), now: at("2020-06-01T10:00:02.000Z"), tickMs: 20 });
    scheduler.start();
    await expect.poll(() => countRuns(graphId), { timeout: 5_000 }).toBe(1);
    await scheduler.stop();
  });
});
