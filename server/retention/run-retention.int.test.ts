import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { db, pgPool } from "../db/client";
import { createWorkspaceWithMembers } from "../testing/factories";
import { createTestGraph, createTestRun } from "../testing/run-factories";
import { callerFor, rejectionOf } from "../testing/trpc-callers";
import { createRunPruner } from "./run-pruner";

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

const pruners: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(pruners.splice(0).map((pruner) => pruner.stop()));
});

function newPruner() {
  const pruner = createRunPruner({ db: db(), intervalMs: 60_000, batchSize: 2, batchPauseMs: 0 });
  pruners.push(pruner);
  return pruner;
}

async function remainingRunIds(workspaceId: string): Promise<string[]> {
  return (await db().run.findMany({ where: { workspaceId }, select: { id: true } })).map((run) => run.id).sort();
}

describe("run retention", () => {
  it("an admin sets it (audited); a failed-run retention shorter than the other runs' is refused with the reason", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["admin", "editor"]);
    const workspaceId = workspace.id;
    const admin = callerFor(members.admin);

    expect(await admin.workspace.runRetention({ workspaceId })).toEqual({ runDays: null, failedDays: null });
    expect(await admin.workspace.setRunRetention({ workspaceId, retention: { runDays: 30, failedDays: 90 } })).toEqual({ runDays: 30, failedDays: 90 });
    expect(await admin.workspace.runRetention({ workspaceId })).toEqual({ runDays: 30, failedDays: 90 });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "workspace.setRunRetention", actorId: members.admin.id }, select: { outcome: true, summary: true } });
    expect(audit.outcome).toBe("ok");
    expect(audit.summary).toMatchObject({ before: { runDays: null, failedDays: null }, after: { runDays: 30, failedDays: 90 } });

    const shorter = await rejectionOf(admin.workspace.setRunRetention({ workspaceId, retention: { runDays: 30, failedDays: 7 } }));
    expect(shorter.message).toContain("Keep failed runs at least as long as other runs (30 days)");
    const editor = await rejectionOf(callerFor(members.editor).workspace.setRunRetention({ workspaceId, retention: { runDays: 1, failedDays: null } }));
    expect(editor.code).toBe("FORBIDDEN");
    expect(await admin.workspace.runRetention({ workspaceId })).toEqual({ runDays: 30, failedDays: 90 });
  });

  it("prunes old finished runs in batches, keeps failed runs longer and unfinished runs always, and leaves other workspaces alone", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["admin"]);
    const other = await createWorkspaceWithMembers(["admin"]);
    const graph = await createTestGraph(workspace.id);
    const otherGraph = await createTestGraph(other.workspace.id);
    const ref = { workspaceId: workspace.id, graphId: graph.id };
    await callerFor(members.admin).workspace.setRunRetention({ workspaceId: workspace.id, retention: { runDays: 30, failedDays: 90 } });
    await callerFor(other.members.admin).workspace.setRunRetention({ workspaceId: other.workspace.id, retention: { runDays: 365, failedDays: null } });

    const old = [
      await createTestRun(ref, { createdAt: daysAgo(40) }),
      await createTestRun(ref, { createdAt: daysAgo(45), status: "cancelled" }),
      await createTestRun(ref, { createdAt: daysAgo(100), status: "failed", errorMessage: "Model call timed out" }),
      await createTestRun(ref, { createdAt: daysAgo(31), usage: { tokens: 500, costUsd: 0.01 } }),
      await createTestRun(ref, { createdAt: daysAgo(60) }),
    ];
    const kept = [
      await createTestRun(ref, { createdAt: daysAgo(10), usage: { tokens: 40, costUsd: 0.001 } }),
      await createTestRun(ref, { createdAt: daysAgo(40), status: "failed", errorMessage: "HTTP 503" }),
      await createTestRun(ref, { createdAt: daysAgo(200), status: "waiting" }),
      await createTestRun(ref, { createdAt: daysAgo(200), status: "queued" }),
      // Created before the cutoff but finished after it: kept until it has been finished for 30 days.
      await createTestRun(ref, { createdAt: daysAgo(31), durationMs: 2 * DAY }),
    ];
    const otherRuns = [await createTestRun({ workspaceId: other.workspace.id, graphId: otherGraph.id }, { createdAt: daysAgo(300) })];
    await db().runStep.create({ data: { runId: old[0]!.id, seq: 1, nodeId: "question", key: "question:[]:1", scope: [], status: "succeeded", output: { out: 1 } } });

    const outcome = await newPruner().prune();

    expect(outcome).toEqual({ kind: "pruned", runs: old.length });
    expect(await remainingRunIds(workspace.id)).toEqual(kept.map((run) => run.id).sort());
    expect(await remainingRunIds(other.workspace.id)).toEqual(otherRuns.map((run) => run.id));
    expect(await db().runStep.count({ where: { runId: old[0]!.id } })).toBe(0);
    // The history's totals follow: its daily rows lost the pruned runs (unfinished runs are counted live).
    const stats = await callerFor(members.admin).run.stats({ workspaceId: workspace.id });
    expect(stats.totals).toEqual({ runs: kept.length, succeeded: 2, failed: 1, tokens: 40, costUsd: 0.001 });
    expect(await newPruner().prune()).toEqual({ kind: "pruned", runs: 0 });
  });

  it("lets one pruner work at a time: a pass while another holds the lock skips", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["admin"]);
    const graph = await createTestGraph(workspace.id);
    await callerFor(members.admin).workspace.setRunRetention({ workspaceId: workspace.id, retention: { runDays: 1, failedDays: null } });
    const run = await createTestRun({ workspaceId: workspace.id, graphId: graph.id }, { createdAt: daysAgo(5) });

    // Another process's pruner, mid-pass: its session holds the advisory lock.
    const otherProcess = new pg.Client({ connectionString: (pgPool().options as { connectionString: string }).connectionString });
    await otherProcess.connect();
    try {
      await otherProcess.query("SELECT pg_advisory_lock(724105611)");
      expect(await newPruner().prune()).toEqual({ kind: "skipped", reason: "another pruner is running" });
      expect(await remainingRunIds(workspace.id)).toEqual([run.id]);
      await otherProcess.query("SELECT pg_advisory_unlock(724105611)");
    } finally {
      await otherProcess.end();
    }
    expect((await newPruner().prune()).kind).toBe("pruned");
    expect(await remainingRunIds(workspace.id)).toEqual([]);
  });
});
