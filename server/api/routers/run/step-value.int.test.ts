import { describe, expect, it } from "vitest";
import { MAX_LISTED_VALUE_CHARS } from "@/lib/run-values/truncate-json";
import { db } from "../../../db/client";
import { insertRun } from "../../../db/insert-run";
import { createSimpleGraphSpec } from "../../../testing/simple-graph-spec";
import { createWorkspaceWithMembers } from "../../../testing/factories";
import { callerFor, rejectionOf } from "../../../testing/trpc-callers";

const SPEC = JSON.parse(JSON.stringify(createSimpleGraphSpec()));
const FIVE_MB = "w".repeat(5 * 1024 * 1024);

/** A finished run whose agent-like step recorded a 5 MB tool result, written as the engine writes it. */
async function createRunWithBigToolResult(workspaceId: string) {
  const graph = await db().graph.create({ data: { workspaceId, name: "Big result", draft: SPEC }, select: { id: true } });
  const started = new Date(Date.now() - 5_000);
  const run = await insertRun(
    db(),
    { workspaceId, graphId: graph.id, spec: SPEC, status: "succeeded", trigger: "manual", input: { question: "q" }, output: { answer: "a" }, usage: { tokens: 30, costUsd: 0.002 }, startedAt: started, finishedAt: new Date() },
    { id: true },
  );
  const at = (ms: number) => new Date(started.getTime() + ms);
  await db().runStep.createMany({
    data: [
      { runId: run.id, seq: 1, key: "question::1", nodeId: "question", scope: [], status: "succeeded", input: {}, output: { out: { question: "q" } }, effects: { now: [], random: [] }, startedAt: at(0), finishedAt: at(5) },
      {
        runId: run.id,
        seq: 2,
        key: "prompt::1",
        nodeId: "prompt",
        scope: [],
        status: "succeeded",
        input: { in: { question: "q" } },
        output: { out: "a" },
        usage: { tokens: 30, costUsd: 0.002 },
        effects: {
          now: [1_700_000_000_000],
          random: [],
          calls: [
            { callId: "c1", nodeId: "model", kind: "model", operation: "chat", startedAt: at(10).getTime(), finishedAt: at(40).getTime(), input: { messages: [] }, output: { content: "calling" }, usage: { tokens: 30, costUsd: 0.002 } },
            { callId: "c2", nodeId: "search", kind: "tool", operation: "search", startedAt: at(41).getTime(), finishedAt: at(90).getTime(), input: { q: "q" }, output: FIVE_MB },
          ],
        },
        startedAt: at(6),
        finishedAt: at(100),
      },
    ],
  });
  return { graphId: graph.id, runId: run.id };
}

describe("run.steps and run.stepValue", () => {
  it("lists a 5 MB tool result as a preview, and a viewer loads it in full", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["viewer"]);
    const { runId } = await createRunWithBigToolResult(workspace.id);
    const api = callerFor(members.viewer);

    const steps = await api.run.steps({ workspaceId: workspace.id, runId });
    expect(JSON.stringify(steps).length).toBeLessThan(4 * MAX_LISTED_VALUE_CHARS);
    const calls = (steps[1]!.effects as { calls: Record<string, unknown>[] }).calls;
    expect(calls[0]).toMatchObject({ callId: "c1", output: { content: "calling" }, usage: { tokens: 30, costUsd: 0.002 } });
    expect(calls[1]).toMatchObject({ callId: "c2", input: { q: "q" }, output: { $truncated: { chars: FIVE_MB.length + 2 } } });
    expect((calls[1]!.output as { $truncated: { preview: string } }).$truncated.preview).toHaveLength(MAX_LISTED_VALUE_CHARS);
    expect(steps[1]).toMatchObject({ output: { out: "a" }, usage: { tokens: 30, costUsd: 0.002 } });

    const full = await api.run.stepValue({ workspaceId: workspace.id, runId, stepSeq: 2, field: { call: 1, part: "output" } });
    expect(full.value).toBe(FIVE_MB);
    expect(await api.run.stepValue({ workspaceId: workspace.id, runId, stepSeq: 2, field: "input" })).toEqual({ value: { in: { question: "q" } } });
    expect(await api.run.stepValue({ workspaceId: workspace.id, runId, stepSeq: 2, field: "now" })).toEqual({ value: [1_700_000_000_000] });
  });

  it("answers NOT_FOUND for a missing step or call and for another workspace's run, and needs a session", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["viewer"]);
    const other = await createWorkspaceWithMembers(["owner"]);
    const { runId } = await createRunWithBigToolResult(workspace.id);
    const api = callerFor(members.viewer);

    expect((await rejectionOf(api.run.stepValue({ workspaceId: workspace.id, runId, stepSeq: 9, field: "output" }))).code).toBe("NOT_FOUND");
    expect((await rejectionOf(api.run.stepValue({ workspaceId: workspace.id, runId, stepSeq: 2, field: { call: 7, part: "output" } }))).code).toBe("NOT_FOUND");
    const foreign = await rejectionOf(callerFor(other.members.owner).run.stepValue({ workspaceId: other.workspace.id, runId, stepSeq: 2, field: "output" }));
    const missing = await rejectionOf(callerFor(other.members.owner).run.stepValue({ workspaceId: other.workspace.id, runId: "missing", stepSeq: 2, field: "output" }));
    expect([foreign.code, foreign.message]).toEqual([missing.code, missing.message]);
    expect((await rejectionOf(api.run.stepValue({ workspaceId: workspace.id, runId, stepSeq: 2, field: "stack" as "input" }))).code).toBe("BAD_REQUEST");
    expect((await rejectionOf(callerFor(null).run.stepValue({ workspaceId: workspace.id, runId, stepSeq: 2, field: "output" }))).code).toBe("UNAUTHORIZED");
  });
});

describe("run.get for the run page", () => {
  it("names the runs a replay, a fork and a child derive from, with usage and the graph's nodes", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["operator"]);
    const workspaceId = workspace.id;
    const { graphId, runId } = await createRunWithBigToolResult(workspaceId);
    const api = callerFor(members.operator);

    const source = await api.run.get({ workspaceId, runId });
    expect(source).toMatchObject({ usage: { tokens: 30, costUsd: 0.002 }, replayOf: null, forkOf: null, childOf: null });
    expect(source.nodes).toEqual([
      { id: "question", type: "core/input", label: "Question", position: { x: 0, y: 80 } },
      { id: "prompt", type: "core/template", label: "Build prompt", position: { x: 300, y: 80 } },
      { id: "answer", type: "core/output", label: "Answer", position: { x: 600, y: 80 } },
    ]);
    expect(source.edges).toEqual([
      { id: "question-prompt", source: "question", target: "prompt" },
      { id: "prompt-answer", source: "prompt", target: "answer" },
    ]);

    const sourceRef = { runId, seen: { number: 1, graphId, graphName: "Big result" } };
    const replay = await api.run.replay({ workspaceId, runId });
    expect(await api.run.get({ workspaceId, runId: replay.id })).toMatchObject({ number: 2, trigger: "replay", replayOf: sourceRef, forkOf: null, childOf: null });
    const fork = await api.run.fork({ workspaceId, runId, stepSeq: 2, input: { in: { question: "edited" } } });
    expect(await api.run.get({ workspaceId, runId: fork.id })).toMatchObject({ number: 3, trigger: "fork", forkOf: { ...sourceRef, stepSeq: 2, nodeId: "prompt" }, replayOf: null, childOf: null });

    const child = await insertRun(db(), { workspaceId, graphId, spec: SPEC, trigger: "subgraph", parentRunId: runId, parentStepSeq: 2 }, { id: true });
    expect(await api.run.get({ workspaceId, runId: child.id })).toMatchObject({ number: 4, childOf: { ...sourceRef, stepSeq: 2 }, forkOf: null });
  });

  it("names a child run of another graph with that graph, and leaves a run of a graph the caller does not see unnamed", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["operator"]);
    const workspaceId = workspace.id;
    const api = callerFor(members.operator);
    const parent = await createRunWithBigToolResult(workspaceId);
    const summarize = await db().graph.create({ data: { workspaceId, name: "Summarize", draft: SPEC }, select: { id: true } });
    const child = await insertRun(db(), { workspaceId, graphId: summarize.id, spec: SPEC, trigger: "subgraph", parentRunId: parent.runId, parentStepSeq: 2 }, { id: true, number: true });
    await db().run.update({ where: { id: parent.runId }, data: { status: "waiting", frontier: { waiting: [{ nodeId: "prompt", stepSeq: 2, wait: { kind: "subgraph", childRunId: child.id } }] } } });

    const waiting = await api.run.get({ workspaceId, runId: parent.runId });
    expect(child.number).toBe(1);
    expect(waiting.waiting).toMatchObject([{ nodeId: "prompt", childRun: { runId: child.id, seen: { number: 1, graphId: summarize.id, graphName: "Summarize" } } }]);
    expect(await api.run.get({ workspaceId, runId: child.id })).toMatchObject({ childOf: { runId: parent.runId, seen: { number: 1, graphName: "Big result" } } });

    await db().graph.update({ where: { id: parent.graphId }, data: { isRestricted: true } });
    expect((await api.run.get({ workspaceId, runId: child.id })).childOf).toEqual({ runId: parent.runId, seen: null, stepSeq: 2 });
  });
});
