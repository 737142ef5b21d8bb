import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { createPrismaRunStore } from "../../../db/prisma-run-store";
import { studioEvents } from "../../../events/studio-events";
import { STUDIO_NODE_IMPLEMENTATIONS } from "../../../runtime/nodes/registry";
import { createRuntime } from "../../../runtime/runtime";
import { buildSpec } from "../../../runtime/testing/build-spec";
import { createSimpleGraphSpec } from "../../../testing/simple-graph-spec";
import { createWorkspaceWithMembers } from "../../../testing/factories";
import { callerFor, rejectionOf } from "../../../testing/trpc-callers";


let runtime: ReturnType<typeof createRuntime>;
let stopWaking: () => void;

beforeAll(() => {
  runtime = createRuntime({ store: createPrismaRunStore(db()), implementations: STUDIO_NODE_IMPLEMENTATIONS, pollMs: 50, heartbeatMs: 200 });
  stopWaking = studioEvents.on("run.queued", () => runtime.wake());
  runtime.start();
});

afterAll(async () => {
  stopWaking();
  await runtime.stop();
});

async function settled(api: ReturnType<typeof callerFor>, workspaceId: string, runId: string, statuses = ["succeeded", "failed", "cancelled", "waiting"]) {
  await expect.poll(async () => (await api.run.get({ workspaceId, runId })).status, { timeout: 10_000 }).toSatisfy((status: string) => statuses.includes(status));
  return api.run.get({ workspaceId, runId });
}


describe("run router with the runtime on Postgres", () => {
  it("runs a graph from its draft and records steps and events in order", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["operator", "editor"]);
    const workspaceId = workspace.id;
    const graph = await callerFor(members.editor).graph.create({ workspaceId, name: "Demo", spec: createSimpleGraphSpec() });
    const api = callerFor(members.operator);

    const run = await api.run.start({ workspaceId, graphId: graph.id, input: { question: "What is a join?" } });
    const done = await settled(api, workspaceId, run.id);
    expect(done).toMatchObject({ status: "succeeded", output: { answer: "Answer briefly: What is a join?" }, trigger: "manual" });

    const steps = await api.run.steps({ workspaceId, runId: run.id });
    expect(steps.map((step) => [step.nodeId, step.status])).toEqual([["question", "succeeded"], ["prompt", "succeeded"], ["answer", "succeeded"]]);
    expect(steps[1]!.output).toEqual({ out: "Answer briefly: What is a join?" });

    await expect.poll(async () => (await api.run.events({ workspaceId, runId: run.id })).events.at(-1)?.type).toBe("run.completed");
    const { events } = await api.run.events({ workspaceId, runId: run.id });
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
    const later = await api.run.events({ workspaceId, runId: run.id, afterSeq: 3 });
    expect(later.events[0]!.seq).toBe(4);

    const listed = await api.run.list({ workspaceId, graphId: graph.id });
    expect(listed.items.map((item) => item.id)).toEqual([run.id]);
  });

  it("refuses an input that does not match the Input node's schema, and a graph that cannot run", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["editor"]);
    const workspaceId = workspace.id;
    const api = callerFor(members.editor);
    const graph = await api.graph.create({ workspaceId, name: "Demo", spec: createSimpleGraphSpec() });

    const badInput = await rejectionOf(api.run.start({ workspaceId, graphId: graph.id, input: { question: 42 } }));
    expect(badInput.code).toBe("BAD_REQUEST");
    expect(badInput.message).toContain('Input node "Question"');

    const broken = buildSpec([{ id: "t", type: "core/template", config: {} }], []);
    const brokenGraph = await api.graph.create({ workspaceId, name: "Broken", spec: broken });
    const cannotRun = await rejectionOf(api.run.start({ workspaceId, graphId: brokenGraph.id }));
    expect(cannotRun.code).toBe("BAD_REQUEST");
    expect(cannotRun.message).toContain("template");
    expect((await api.run.list({ workspaceId })).items).toEqual([]);
  });

  it("parks at an approval, resumes on approve from another caller, and refuses a second decision", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["editor", "operator"]);
    const workspaceId = workspace.id;
    const spec = buildSpec(
      [{ id: "in", type: "core/input" }, { id: "gate", type: "core/approval", label: "Manager OK" }, { id: "yes", type: "core/output", config: { name: "shipped" } }, { id: "no", type: "core/output", config: { name: "stopped" } }],
      ["in.out->gate.in", "gate.approved->yes.in", "gate.rejected->no.in"],
    );
    const graph = await callerFor(members.editor).graph.create({ workspaceId, name: "Approval", spec });
    const api = callerFor(members.operator);
    const run = await api.run.start({ workspaceId, graphId: graph.id, input: { order: 1 } });
    const waiting = await settled(api, workspaceId, run.id);
    expect(waiting).toMatchObject({ status: "waiting", waiting: [{ nodeId: "gate", wait: { kind: "approval" } }] });
    expect((await db().run.findUniqueOrThrow({ where: { id: run.id } })).leaseOwner).toBeNull();

    await api.run.approve({ workspaceId, runId: run.id, nodeId: "gate", comment: "go" });
    const done = await settled(api, workspaceId, run.id, ["succeeded", "failed"]);
    expect(done.output).toEqual({ shipped: { input: { order: 1 }, comment: "go", by: members.operator.id } });
    expect((await rejectionOf(api.run.reject({ workspaceId, runId: run.id, nodeId: "gate" }))).code).toBe("CONFLICT");
  });

  it("scopes runs by workspace and role", async () => {
    const team = await createWorkspaceWithMembers(["editor", "viewer"]);
    const other = await createWorkspaceWithMembers(["owner"]);
    const graph = await callerFor(team.members.editor).graph.create({ workspaceId: team.workspace.id, name: "G", spec: createSimpleGraphSpec() });
    const run = await callerFor(team.members.editor).run.start({ workspaceId: team.workspace.id, graphId: graph.id, input: { question: "q" } });

    const viewer = callerFor(team.members.viewer);
    expect((await rejectionOf(viewer.run.start({ workspaceId: team.workspace.id, graphId: graph.id, input: { question: "q" } }))).code).toBe("FORBIDDEN");
    expect((await rejectionOf(viewer.run.cancel({ workspaceId: team.workspace.id, runId: run.id }))).code).toBe("FORBIDDEN");
    expect((await viewer.run.get({ workspaceId: team.workspace.id, runId: run.id })).id).toBe(run.id);

    const outsider = callerFor(other.members.owner);
    const foreign = await rejectionOf(outsider.run.get({ workspaceId: other.workspace.id, runId: run.id }));
    const missing = await rejectionOf(outsider.run.get({ workspaceId: other.workspace.id, runId: "nope" }));
    expect([foreign.code, foreign.message]).toEqual([missing.code, missing.message]);
    expect((await rejectionOf(outsider.run.start({ workspaceId: other.workspace.id, graphId: graph.id }))).code).toBe("NOT_FOUND");
  });

  it("replays a run to the same output, and forks it from a step with an edited input", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["editor"]);
    const workspaceId = workspace.id;
    const api = callerFor(members.editor);
    const graph = await api.graph.create({ workspaceId, name: "Demo", spec: createSimpleGraphSpec() });
    const original = await api.run.start({ workspaceId, graphId: graph.id, input: { question: "first" } });
    await settled(api, workspaceId, original.id);

    const replay = await api.run.replay({ workspaceId, runId: original.id });
    const replayed = await settled(api, workspaceId, replay.id);
    expect(replayed).toMatchObject({ status: "succeeded", trigger: "replay", output: { answer: "Answer briefly: first" } });

    const promptStep = (await api.run.steps({ workspaceId, runId: original.id })).find((step) => step.nodeId === "prompt")!;
    const fork = await api.run.fork({ workspaceId, runId: original.id, stepSeq: promptStep.seq, input: { in: { question: "edited" } } });
    const forked = await settled(api, workspaceId, fork.id);
    expect(forked).toMatchObject({ status: "succeeded", trigger: "fork", output: { answer: "Answer briefly: edited" } });
    const forkSteps = await api.run.steps({ workspaceId, runId: fork.id });
    expect(forkSteps.find((step) => step.nodeId === "question")!.startedAt.getTime()).toBe(forkSteps.find((step) => step.nodeId === "question")!.finishedAt!.getTime());

    const rerun = await api.run.fork({ workspaceId, runId: original.id, stepSeq: promptStep.seq });
    expect((await settled(api, workspaceId, rerun.id)).output).toEqual({ answer: "Answer briefly: first" });
    expect((await rejectionOf(api.run.fork({ workspaceId, runId: original.id, stepSeq: 999 }))).code).toBe("NOT_FOUND");
  });

  it("runs another graph as a sub-graph and returns its output; a missing graph fails with a clear error", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["editor"]);
    const workspaceId = workspace.id;
    const api = callerFor(members.editor);
    const child = await api.graph.create({ workspaceId, name: "Child", spec: createSimpleGraphSpec() });
    const parentSpec = buildSpec(
      [{ id: "in", type: "core/input" }, { id: "call", type: "core/subgraph", label: "Ask child", config: { graphId: child.id, version: "draft" } }, { id: "out", type: "core/output", config: { name: "fromChild" } }],
      ["in.out->call.in", "call.out->out.in"],
    );
    const parent = await api.graph.create({ workspaceId, name: "Parent", spec: parentSpec });
    const run = await api.run.start({ workspaceId, graphId: parent.id, input: { question: "nested?" } });
    const done = await settled(api, workspaceId, run.id, ["succeeded", "failed"]);
    expect(done).toMatchObject({ status: "succeeded", output: { fromChild: { answer: "Answer briefly: nested?" } } });
    const childRuns = (await api.run.list({ workspaceId, graphId: child.id })).items;
    expect(childRuns).toMatchObject([{ trigger: "subgraph", status: "succeeded" }]);

    const broken = buildSpec([{ id: "in", type: "core/input" }, { id: "call", type: "core/subgraph", config: { graphId: "missing-graph" } }], ["in.out->call.in"]);
    const brokenGraph = await api.graph.create({ workspaceId, name: "Broken parent", spec: broken });
    const failed = await settled(api, workspaceId, (await api.run.start({ workspaceId, graphId: brokenGraph.id })).id, ["succeeded", "failed"]);
    expect(failed.status).toBe("failed");
    expect((failed.error as { message: string }).message).toContain('graph "missing-graph" was not found');
  });

  it("cancels a parked run", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["operator", "editor"]);
    const workspaceId = workspace.id;
    const spec = buildSpec([{ id: "in", type: "core/input" }, { id: "wait", type: "core/delay", config: { ms: 3_600_000 } }, { id: "out", type: "core/output" }], ["in.out->wait.in", "wait.out->out.in"]);
    const graph = await callerFor(members.editor).graph.create({ workspaceId, name: "Slow", spec });
    const api = callerFor(members.operator);
    const run = await api.run.start({ workspaceId, graphId: graph.id });
    expect((await settled(api, workspaceId, run.id)).status).toBe("waiting");
    await api.run.cancel({ workspaceId, runId: run.id });
    runtime.wake();
    expect((await settled(api, workspaceId, run.id, ["cancelled"])).status).toBe("cancelled");
    expect((await rejectionOf(api.run.cancel({ workspaceId, runId: run.id }))).code).toBe("CONFLICT");
  });

  it("starts only the Input or trigger node picked; with several and none picked it names them", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["editor"]);
    const workspaceId = workspace.id;
    const api = callerFor(members.editor);
    const spec = buildSpec(
      [
        { id: "typed", type: "core/input", label: "Typed", config: { schema: { type: "object", required: ["text"] } } },
        { id: "hook", type: "core/webhook", label: "Hook" },
        { id: "fromTyped", type: "core/output", config: { name: "typed" } },
        { id: "fromHook", type: "core/output", config: { name: "hook" } },
      ],
      ["typed.out->fromTyped.in", "hook.out->fromHook.in"],
    );
    const graph = await api.graph.create({ workspaceId, name: "Two entries", spec });

    const unpicked = await rejectionOf(api.run.start({ workspaceId, graphId: graph.id, input: { text: "hi" } }));
    expect(unpicked.code).toBe("BAD_REQUEST");
    expect(unpicked.message).toContain('"Typed" (typed), "Hook" (hook)');
    const notEntry = await rejectionOf(api.run.start({ workspaceId, graphId: graph.id, startNodeId: "fromHook" }));
    expect(notEntry.code).toBe("BAD_REQUEST");

    // The Input's schema is not the hook's: a body without `text` starts at the hook.
    const run = await api.run.start({ workspaceId, graphId: graph.id, startNodeId: "hook", input: { body: 1 } });
    const done = await settled(api, workspaceId, run.id);
    expect(done).toMatchObject({ status: "succeeded", output: { hook: { body: 1 } } });
    const steps = await api.run.steps({ workspaceId, runId: run.id });
    expect(steps.map((step) => step.nodeId).sort()).toEqual(["fromHook", "hook"]);
  });
});
