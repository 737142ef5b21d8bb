import { describe, expect, it } from "vitest";
import { createWorkspaceWithMembers } from "../../../testing/factories";
import { createTestGraph, createTestRun } from "../../../testing/run-factories";
import { callerFor, rejectionOf } from "../../../testing/trpc-callers";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A workspace whose viewer reads a history of two graphs, runs spread over three days before `now`. */
async function createHistory() {
  const { workspace, members } = await createWorkspaceWithMembers(["viewer"]);
  const workspaceId = workspace.id;
  const now = new Date(Math.floor(Date.now() / HOUR) * HOUR);
  const support = await createTestGraph(workspaceId, { name: "Support bot", versions: 2 });
  const billing = await createTestGraph(workspaceId, { name: "Billing" });
  const supportRef = { workspaceId, graphId: support.id };
  const billingRef = { workspaceId, graphId: billing.id };
  const runs = {
    ok: await createTestRun(supportRef, { versionId: support.versionIds[1], usage: { tokens: 1_200, costUsd: 0.012 }, createdAt: new Date(now.getTime() - 50 * HOUR) }),
    timeout: await createTestRun(supportRef, { status: "failed", trigger: "webhook", versionId: support.versionIds[0], errorMessage: "Model call TIMED OUT after 30 s", usage: { tokens: 300, costUsd: 0.003 }, createdAt: new Date(now.getTime() - 26 * HOUR) }),
    quota: await createTestRun(supportRef, { status: "failed", trigger: "schedule", errorMessage: "Quota 100% used_up", createdAt: new Date(now.getTime() - 2 * HOUR) }),
    cancelled: await createTestRun(billingRef, { status: "cancelled", trigger: "replay", errorMessage: "Cancelled by alice", createdAt: new Date(now.getTime() - 90 * 60_000) }),
    waiting: await createTestRun(billingRef, { status: "waiting", trigger: "manual", usage: { tokens: 40, costUsd: 0.0004 }, createdAt: new Date(now.getTime() - 30 * 60_000) }),
  };
  return { workspaceId, now, support, billing, runs, api: callerFor(members.viewer) };
}

describe("run history: run.list filters", () => {
  it("lists newest first with small columns only, and filters by status, trigger, graph, version and time", async () => {
    const { workspaceId, now, support, runs, api } = await createHistory();
    const ids = async (filter: Omit<Parameters<typeof api.run.list>[0], "workspaceId">) => (await api.run.list({ workspaceId, ...filter })).items.map((item) => item.id);

    const all = await api.run.list({ workspaceId });
    expect(all.items.map((item) => item.id)).toEqual([runs.waiting.id, runs.cancelled.id, runs.quota.id, runs.timeout.id, runs.ok.id]);
    expect(Object.keys(all.items[0]!).sort()).toEqual(
      ["costUsd", "createdAt", "errorMessage", "finishedAt", "graphId", "graphName", "id", "number", "startedAt", "status", "tokens", "trigger", "versionNumber"].sort(),
    );
    expect(all.items.find((item) => item.id === runs.timeout.id)).toMatchObject({ graphName: "Support bot", versionNumber: 1, trigger: "webhook", errorMessage: "Model call TIMED OUT after 30 s", tokens: 300, costUsd: 0.003 });
    expect(all.items.find((item) => item.id === runs.quota.id)).toMatchObject({ versionNumber: null, tokens: null, costUsd: null });
    expect(all.items.map((item) => [item.graphName, item.number])).toEqual([["Billing", 2], ["Billing", 1], ["Support bot", 3], ["Support bot", 2], ["Support bot", 1]]);

    expect(await ids({ statuses: ["failed", "cancelled"] })).toEqual([runs.cancelled.id, runs.quota.id, runs.timeout.id]);
    expect(await ids({ triggers: ["webhook", "replay"] })).toEqual([runs.cancelled.id, runs.timeout.id]);
    expect(await ids({ graphId: support.id, versionNumber: 2 })).toEqual([runs.ok.id]);
    expect(await ids({ graphId: support.id, versionNumber: "draft" })).toEqual([runs.quota.id]);
    expect(await ids({ graphId: support.id, number: 2 })).toEqual([runs.timeout.id]);
    expect(await ids({ graphId: support.id, number: 9 })).toEqual([]);
    expect(await ids({ createdAfter: new Date(now.getTime() - 27 * HOUR).toISOString(), createdBefore: new Date(now.getTime() - HOUR).toISOString() })).toEqual([runs.cancelled.id, runs.quota.id, runs.timeout.id]);
  });

  it("finds text in the error message, ignoring case and taking % and _ literally", async () => {
    const { workspaceId, runs, api } = await createHistory();
    const ids = async (errorText: string) => (await api.run.list({ workspaceId, errorText })).items.map((item) => item.id);

    expect(await ids("timed out")).toEqual([runs.timeout.id]);
    expect(await ids("100%")).toEqual([runs.quota.id]);
    expect(await ids("used_up")).toEqual([runs.quota.id]);
    expect(await ids("%")).toEqual([runs.quota.id]);
    expect(await ids("_")).toEqual([runs.quota.id]);
    expect(await ids("at node")).toEqual([]);
    expect(await ids("   ")).toHaveLength(5);
  });

  it("pages through runs created at the same instant without skipping or repeating one", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["viewer"]);
    const graph = await createTestGraph(workspace.id);
    const sameInstant = new Date();
    const created = [];
    for (let index = 0; index < 7; index++) created.push((await createTestRun({ workspaceId: workspace.id, graphId: graph.id }, { createdAt: sameInstant })).id);
    const api = callerFor(members.viewer);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.run.list({ workspaceId: workspace.id, limit: 3, cursor });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...created].sort().reverse());
  });
});

describe("run history: run.stats", () => {
  it("totals runs, failures, tokens and cost for the same filter as the list, with hourly buckets over a day", async () => {
    const { workspaceId, now, support, api } = await createHistory();

    const all = await api.run.stats({ workspaceId });
    expect(all.totals).toMatchObject({ runs: 5, failed: 2, succeeded: 1, tokens: 1_540 });
    expect(all.totals.costUsd).toBeCloseTo(0.0154, 10);
    expect(all.chart.unit).toBe("day");
    expect(all.chart.buckets.reduce((sum, bucket) => sum + bucket.runs, 0)).toBe(5);

    const failedSupport = await api.run.stats({ workspaceId, graphId: support.id, statuses: ["failed"] });
    expect(failedSupport.totals).toMatchObject({ runs: 2, failed: 2, succeeded: 0, tokens: 300 });

    const lastDay = await api.run.stats({ workspaceId, createdAfter: new Date(now.getTime() - DAY).toISOString(), createdBefore: now.toISOString() });
    expect(lastDay.chart.unit).toBe("hour");
    expect(new Date(lastDay.chart.from!).toISOString()).toBe(new Date(now.getTime() - DAY).toISOString());
    expect(lastDay.chart.buckets.map((bucket) => [new Date(bucket.start).toISOString(), bucket.runs, bucket.failed])).toEqual([
      [new Date(now.getTime() - 2 * HOUR).toISOString(), 2, 1],
      [new Date(now.getTime() - HOUR).toISOString(), 1, 0],
    ]);

    const byError = await api.run.stats({ workspaceId, errorText: "TIMED" });
    expect(byError.totals).toMatchObject({ runs: 1, failed: 1, tokens: 300 });
  });

  it("answers zeros and no usage for a filter that matches nothing", async () => {
    const { workspaceId, api } = await createHistory();
    const none = await api.run.stats({ workspaceId, triggers: ["tool"] });
    expect(none).toEqual({ totals: { runs: 0, failed: 0, succeeded: 0, tokens: null, costUsd: null }, chart: { unit: "day", from: null, to: null, buckets: [] } });
  });
});

describe("run history: access", () => {
  it("answers NOT_FOUND for another workspace and its graphs, and refuses a forged cursor", async () => {
    const { workspaceId, support, api } = await createHistory();
    const other = await createHistory();

    expect((await rejectionOf(other.api.run.list({ workspaceId }))).code).toBe("NOT_FOUND");
    expect((await rejectionOf(other.api.run.stats({ workspaceId }))).code).toBe("NOT_FOUND");
    expect((await rejectionOf(other.api.run.list({ workspaceId: other.workspaceId, graphId: support.id }))).code).toBe("NOT_FOUND");
    expect((await rejectionOf(other.api.run.stats({ workspaceId: other.workspaceId, graphId: support.id }))).code).toBe("NOT_FOUND");
    expect((await rejectionOf(api.run.list({ workspaceId, cursor: "not-a-cursor" }))).code).toBe("BAD_REQUEST");
    expect((await callerFor(null).run.stats({ workspaceId }).catch((error: { code: string }) => error.code))).toBe("UNAUTHORIZED");
  });
});
