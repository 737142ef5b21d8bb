// The history's stats read whole days from the daily stats tables (kept by triggers on Run) and the rest from Run:
// for every filter they must answer exactly what aggregating the Run rows answers.
import { describe, expect, it } from "vitest";
import { db } from "../../db/client";
import { createWorkspaceWithMembers } from "../../testing/factories";
import { createTestGraph, createTestRun, type TTestRun } from "../../testing/run-factories";
import { callerFor } from "../../testing/trpc-callers";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type TMade = TTestRun & { id: string; graphId: string; version: number | "draft" };

function expectedTotals(runs: TMade[]) {
  const withTokens = runs.filter((run) => run.usage);
  return {
    runs: runs.length,
    succeeded: runs.filter((run) => (run.status ?? "succeeded") === "succeeded").length,
    failed: runs.filter((run) => run.status === "failed").length,
    tokens: withTokens.length ? withTokens.reduce((sum, run) => sum + run.usage!.tokens, 0) : null,
  };
}

function expectedDays(runs: TMade[]) {
  const days = new Map<string, number>();
  for (const run of runs) {
    const day = new Date(Math.floor(run.createdAt!.getTime() / DAY) * DAY).toISOString();
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b));
}

async function createSpreadHistory() {
  const { workspace, members } = await createWorkspaceWithMembers(["viewer"]);
  const workspaceId = workspace.id;
  const support = await createTestGraph(workspaceId, { name: "Support", versions: 2 });
  const billing = await createTestGraph(workspaceId, { name: "Billing" });
  const now = Date.now();
  const statuses = ["succeeded", "failed", "succeeded", "cancelled", "waiting", "succeeded", "running", "failed"] as const;
  const triggers = ["webhook", "schedule", "manual"];
  const runs: TMade[] = [];
  // 40 runs, one every 7 h 13 min back from now: many partial and whole UTC days, unfinished runs among them.
  for (let index = 0; index < 40; index++) {
    const isSupport = index % 3 !== 2;
    const version: number | "draft" = isSupport ? (index % 4 === 0 ? "draft" : (index % 2) + 1) : "draft";
    const run: TTestRun = {
      status: statuses[index % statuses.length],
      trigger: triggers[index % triggers.length],
      versionId: isSupport && version !== "draft" ? support.versionIds[version - 1] : undefined,
      usage: index % 5 === 0 ? undefined : { tokens: 100 + index, costUsd: 0.001 },
      createdAt: new Date(now - index * (7 * HOUR + 13 * 60_000) - 60_000),
    };
    const graphId = isSupport ? support.id : billing.id;
    const made = await createTestRun({ workspaceId, graphId }, run);
    runs.push({ ...run, id: made.id, graphId, version });
  }
  return { workspaceId, support, billing, runs, now, api: callerFor(members.viewer) };
}

describe("run stats from the daily tables", () => {
  it("answers what the Run rows answer, for every kind of filter", async () => {
    const { workspaceId, support, runs, now, api } = await createSpreadHistory();
    const cases: { filter: Record<string, unknown>; matches: (run: TMade) => boolean }[] = [
      { filter: {}, matches: () => true },
      { filter: { statuses: ["failed", "waiting"] }, matches: (run) => run.status === "failed" || run.status === "waiting" },
      { filter: { triggers: ["webhook"] }, matches: (run) => run.trigger === "webhook" },
      { filter: { graphId: support.id }, matches: (run) => run.graphId === support.id },
      { filter: { graphId: support.id, versionNumber: 2 }, matches: (run) => run.graphId === support.id && run.version === 2 },
      { filter: { graphId: support.id, versionNumber: "draft" }, matches: (run) => run.graphId === support.id && run.version === "draft" },
      { filter: { createdAfter: new Date(now - 5.5 * DAY).toISOString() }, matches: (run) => run.createdAt!.getTime() >= now - 5.5 * DAY },
      {
        filter: { createdAfter: new Date(now - 8.3 * DAY).toISOString(), createdBefore: new Date(now - 2.7 * DAY).toISOString(), triggers: ["schedule", "manual"] },
        matches: (run) => run.createdAt!.getTime() >= now - 8.3 * DAY && run.createdAt!.getTime() < now - 2.7 * DAY && run.trigger !== "webhook",
      },
    ];
    for (const { filter, matches } of cases) {
      const stats = await api.run.stats({ workspaceId, ...filter });
      const expected = runs.filter(matches);
      expect({ filter, ...stats.totals, costUsd: undefined }).toEqual({ filter, ...expectedTotals(expected), costUsd: undefined });
      expect(stats.chart.unit).toBe("day");
      expect(stats.chart.buckets.map((bucket) => [new Date(bucket.start).toISOString(), bucket.runs])).toEqual(expectedDays(expected));
    }
  });

  it("follows a run that finishes, one whose usage is corrected, and one that is deleted", async () => {
    const { workspaceId, runs, api } = await createSpreadHistory();
    const before = (await api.run.stats({ workspaceId })).totals;
    const running = runs.find((run) => run.status === "running" && run.usage && run.createdAt!.getTime() < Date.now() - 3 * DAY)!;
    // Counted live while it runs, with the usage it has so far.
    const othersTokens = before.tokens! - running.usage!.tokens;

    await db().run.update({ where: { id: running.id }, data: { status: "succeeded", usage: { tokens: 1_000, costUsd: 0.5 }, finishedAt: new Date() } });
    const finished = (await api.run.stats({ workspaceId })).totals;
    expect(finished).toMatchObject({ runs: before.runs, succeeded: before.succeeded + 1, tokens: othersTokens + 1_000 });

    await db().run.update({ where: { id: running.id }, data: { usage: { tokens: 10, costUsd: 0.5 } } });
    expect((await api.run.stats({ workspaceId })).totals).toMatchObject({ runs: before.runs, tokens: othersTokens + 10 });

    await db().run.delete({ where: { id: running.id } });
    expect((await api.run.stats({ workspaceId })).totals).toMatchObject({ runs: before.runs - 1, succeeded: before.succeeded, tokens: othersTokens });
  });
});
