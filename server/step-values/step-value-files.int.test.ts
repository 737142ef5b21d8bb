import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isStepValueFile } from "@/lib/run-values/step-value-file";
import { isTruncatedJson } from "@/lib/run-values/truncate-json";
import { db } from "../db/client";
import { createRunPruner } from "../retention/run-pruner";
import { createWorkspaceWithMembers } from "../testing/factories";
import { createSimpleGraphSpec } from "../testing/simple-graph-spec";
import { startWorkspaceRuntime } from "../testing/start-workspace-runtime";
import { callerFor } from "../testing/trpc-callers";
import { waitForRunEnd } from "../testing/wait-for-run-end";
import { STEP_VALUE_FILE_MIN_CHARS, stepValuesRoot } from "./step-value-files";

let runtime: ReturnType<typeof startWorkspaceRuntime>;
beforeAll(() => {
  runtime = startWorkspaceRuntime();
});
afterAll(async () => {
  await runtime.stop();
});

/** A finished run of question -> prompt -> answer whose question is 300 KB: the Input step's output goes to a file. */
async function runWithBigQuestion() {
  const { workspace, members } = await createWorkspaceWithMembers(["owner", "viewer"]);
  const workspaceId = workspace.id;
  const owner = callerFor(members.owner);
  const graph = await owner.graph.create({ workspaceId, name: "Big question", spec: createSimpleGraphSpec() });
  const question = `${"Why? ".repeat(60_000)}end`;
  const run = await owner.run.start({ workspaceId, graphId: graph.id, input: { question } });
  const done = await waitForRunEnd(run.id);
  expect(done.status).toBe("succeeded");
  return { workspace, members, owner, runId: run.id, question };
}

describe("step values over 256 KB in the file store", () => {
  it("keeps a reference in the row and the value in a file, lists a preview, loads the full value, and pruning removes the file", async () => {
    const { workspace, members, owner, runId, question } = await runWithBigQuestion();
    const workspaceId = workspace.id;
    expect(JSON.stringify({ out: { question } }).length).toBeGreaterThan(STEP_VALUE_FILE_MIN_CHARS);

    const row = await db().runStep.findUniqueOrThrow({ where: { runId_seq: { runId, seq: 1 } }, select: { output: true, input: true } });
    expect(isStepValueFile(row.output)).toBe(true);
    const reference = row.output as { $file: { path: string; chars: number } };
    expect(reference.$file.path.startsWith(`${workspaceId}/${runId}/`)).toBe(true);
    const file = path.join(stepValuesRoot(), reference.$file.path);
    expect(existsSync(file)).toBe(true);
    expect(JSON.stringify(row).length).toBeLessThan(20_000);

    const viewer = callerFor(members.viewer);
    const steps = await viewer.run.steps({ workspaceId, runId });
    expect(isTruncatedJson(steps[0]!.output)).toBe(true);
    expect(steps[0]!.output).toMatchObject({ $truncated: { chars: reference.$file.chars } });
    expect(await viewer.run.stepValue({ workspaceId, runId, stepSeq: 1, field: "output" })).toEqual({ value: { out: { question } } });

    // Replay serves the recorded outputs, read back from the file.
    const replay = await owner.run.replay({ workspaceId, runId });
    const replayed = await waitForRunEnd(replay.id);
    expect(replayed.status).toBe("succeeded");
    expect(replayed.output).toEqual({ answer: `Answer briefly: ${question}` });

    await db().run.update({ where: { id: runId }, data: { createdAt: new Date(Date.now() - 3 * 86_400_000), finishedAt: new Date(Date.now() - 3 * 86_400_000) } });
    await owner.workspace.setRunRetention({ workspaceId, retention: { runDays: 1, failedDays: null } });
    const pruner = createRunPruner({ db: db(), intervalMs: 60_000 });
    expect(await pruner.prune()).toMatchObject({ kind: "pruned" });
    expect(await db().run.count({ where: { id: runId } })).toBe(0);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(path.join(stepValuesRoot(), workspaceId, runId))).toBe(false);
    // The replay is a run of its own (recent, so kept), with its own files.
    expect(readdirSync(path.join(stepValuesRoot(), workspaceId))).toEqual([replay.id]);
  });

  it("removes a workspace's files with the workspace", async () => {
    const { workspace, owner } = await runWithBigQuestion();
    expect(existsSync(path.join(stepValuesRoot(), workspace.id))).toBe(true);
    const { name } = await db().workspace.findUniqueOrThrow({ where: { id: workspace.id }, select: { name: true } });
    await owner.workspace.delete({ workspaceId: workspace.id, confirmName: name });
    expect(existsSync(path.join(stepValuesRoot(), workspace.id))).toBe(false);
  });
});
