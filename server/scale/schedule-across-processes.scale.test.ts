// Schedule triggers fire from every web process (server/main.ts). Two separate processes, each with its own database
// pool and a scheduler passing every 50 ms, race for the same due ticks: every tick becomes exactly one run.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { db } from "../db/client";
import { createWorkspaceWithMembers } from "../testing/factories";
import { callerFor } from "../testing/trpc-callers";
import { createPublishedGraph, createTriggerGraphSpec } from "../triggers/testing/trigger-graphs";

const ENTRY = path.resolve(import.meta.dirname, "testing/scheduler-process.ts");
const TRIGGERS = 25;
/** Once a year: after its one due tick, no trigger of this test is due again while it runs. */
const YEARLY = "0 0 1 1 *";
const processes: ChildProcess[] = [];
const output: string[] = [];

function startSchedulerProcess(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", ENTRY], {
    env: { ...process.env, DATABASE_URL: inject("databaseUrl"), SCHEDULER_TICK_MS: "50", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  processes.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output.push(chunk.toString());
      if (chunk.toString().includes("scheduler running")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`scheduler process exited with ${code}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

afterAll(async () => {
  await Promise.all(processes.map(stop));
});

describe("schedule triggers across processes", () => {
  it("fires each due tick once, however two processes race for it", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["editor"]);
    const api = callerFor(members.editor);
    const graphIds: string[] = [];
    for (let i = 0; i < TRIGGERS; i++) {
      graphIds.push((await createPublishedGraph(api, workspace.id, createTriggerGraphSpec({ cron: YEARLY }))).graphId);
    }
    await Promise.all([startSchedulerProcess(), startSchedulerProcess()]);

    const dueTick = new Date(Date.now() - 60_000);
    await db().trigger.updateMany({ where: { graphId: { in: graphIds }, kind: "schedule" }, data: { nextFireAt: dueTick } });
    await expect.poll(() => db().run.count({ where: { graphId: { in: graphIds } } }), { timeout: 20_000, message: output.join("") }).toBe(TRIGGERS);
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    const runs = await db().run.groupBy({ by: ["graphId"], where: { graphId: { in: graphIds } }, _count: { _all: true } });
    expect(runs.map((row) => row._count._all)).toEqual(Array(TRIGGERS).fill(1));
    const triggers = await db().trigger.findMany({ where: { graphId: { in: graphIds }, kind: "schedule" }, select: { nextFireAt: true } });
    expect(triggers.every((trigger) => trigger.nextFireAt !== null && trigger.nextFireAt > new Date())).toBe(true);
    expect(processes.every((child) => child.exitCode === null)).toBe(true);
  });
});
