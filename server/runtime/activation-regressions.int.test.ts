// The review's cases, checked where the effects land: every HTTP Request call is counted at a local ledger server, and
// the steps and the run's status must tell the same story.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { setMasterKey } from "../secrets/master-key";
import { addEgressRule } from "../services/egress/add-egress-rule";
import { createGraph } from "../services/graph/create-graph";
import { decideApproval } from "../services/run/decide-approval";
import { forkRun } from "../services/run/fork-run";
import { startRun } from "../services/run/start-run";
import { GRAPH_TEMPLATES } from "@/lib/graph/templates";
import { createWorkspaceWithMembers } from "../testing/factories";
import { startHttpLedgerServer } from "../testing/http-ledger-server";
import { startWorkspaceRuntime } from "../testing/start-workspace-runtime";
import { waitForRunEnd } from "../testing/wait-for-run-end";
import { buildSpec } from "./testing/build-spec";
import type { TGraphSpec } from "@/lib/graph";

let studio: ReturnType<typeof startWorkspaceRuntime>;
let ledger: Awaited<ReturnType<typeof startHttpLedgerServer>>;
let scope: { workspaceId: string; actorId: string };

beforeAll(async () => {
  setMasterKey(randomBytes(32));
  ledger = await startHttpLedgerServer();
  const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
  scope = { workspaceId: workspace.id, actorId: members.owner.id };
  await addEgressRule(db(), { ...scope, host: ledger.host });
  studio = startWorkspaceRuntime();
});

afterAll(async () => {
  await studio.stop();
  await ledger.close();
});

const http = (id: string, path: string) => ({ id, type: "core/http-request", config: { method: "POST", url: `${ledger.url}${path}`, body: "{{input}}" } });

async function run(spec: TGraphSpec, input: unknown) {
  const graph = await createGraph(db(), { ...scope, name: `case ${randomBytes(3).toString("hex")}`, spec });
  return startRun(db(), { ...scope, graphId: graph.id, source: { kind: "draft" }, input });
}

async function waitForStatus(runId: string, status: string) {
  await expect.poll(async () => (await db().run.findUniqueOrThrow({ where: { id: runId } })).status, { timeout: 10_000 }).toBe(status);
}

const stepsOf = (steps: { nodeId: string; status: string }[]) => steps.map((step) => `${step.nodeId}:${step.status}`);

describe("an HTTP Request after an Approval", () => {
  const spec = () =>
    buildSpec(
      [{ id: "in", type: "core/input" }, { id: "gate", type: "core/approval" }, http("call", "/approval"), { id: "out", type: "core/output" }],
      ["in.out->gate.in", "gate.approved->call.in", "call.out->out.in"],
    );

  it("calls nothing while the run waits, and once after an approval, with the approved decision", async () => {
    const before = ledger.to("/approval").length;
    const started = await run(spec(), { order: 1 });
    await waitForStatus(started.id, "waiting");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ledger.to("/approval").length - before).toBe(0);
    await decideApproval(db(), { ...scope, runId: started.id, nodeId: "gate", decision: "approved", comment: "go" });
    const ended = await waitForRunEnd(started.id);
    expect(ended.status).toBe("succeeded");
    const calls = ledger.to("/approval").slice(before);
    expect(calls).toHaveLength(1);
    expect(JSON.parse(calls[0]!.body)).toMatchObject({ input: { order: 1 }, comment: "go" });
    expect(stepsOf(ended.steps)).toEqual(["in:succeeded", "gate:succeeded", "call:succeeded", "out:succeeded"]);
  });

  it("calls nothing after a rejection, and the run fails as rejected when the graph has no path for it", async () => {
    const before = ledger.to("/approval").length;
    const started = await run(spec(), { order: 2 });
    await waitForStatus(started.id, "waiting");
    await decideApproval(db(), { ...scope, runId: started.id, nodeId: "gate", decision: "rejected", comment: "no" });
    const ended = await waitForRunEnd(started.id);
    expect(ended.status).toBe("failed");
    expect(ended.error).toMatchObject({ code: "ApprovalRejected", nodeId: "gate" });
    expect((ended.error as { message: string }).message).toContain("no");
    expect(ledger.to("/approval").length - before).toBe(0);
  });
});

describe("an HTTP Request on a path not taken", () => {
  it("makes no call and is skipped", async () => {
    const spec = buildSpec(
      [{ id: "in", type: "core/input" }, { id: "if", type: "core/branch", config: { path: "go", operator: "equals", value: true } }, http("call", "/branch"), { id: "out", type: "core/output" }],
      ["in.out->if.in", "if.true->call.in", "call.out->out.in"],
    );
    const ended = await waitForRunEnd((await run(spec, { go: false })).id);
    expect(ended.status).toBe("succeeded");
    expect(ledger.to("/branch")).toHaveLength(0);
    expect(stepsOf(ended.steps)).toEqual(["in:succeeded", "if:succeeded", "call:skipped", "out:skipped"]);
  });
});

describe("HTTP Requests in a line", () => {
  it("Input -> HTTP -> Output: one call, three steps", async () => {
    const spec = buildSpec([{ id: "in", type: "core/input" }, http("call", "/line"), { id: "out", type: "core/output" }], ["in.out->call.in", "call.out->out.in"]);
    const ended = await waitForRunEnd((await run(spec, { n: 1 })).id);
    expect(ended.status).toBe("succeeded");
    expect(ledger.to("/line")).toHaveLength(1);
    expect(JSON.parse(ledger.to("/line")[0]!.body)).toEqual({ n: 1 });
    expect(stepsOf(ended.steps)).toEqual(["in:succeeded", "call:succeeded", "out:succeeded"]);
  });

  it("Input -> HTTP -> Delay -> HTTP -> Output: two calls, five steps, the second after the delay", async () => {
    const spec = buildSpec(
      [{ id: "in", type: "core/input" }, http("first", "/delay/first"), { id: "wait", type: "core/delay", config: { ms: 700 } }, http("second", "/delay/second"), { id: "out", type: "core/output" }],
      ["in.out->first.in", "first.out->wait.in", "wait.out->second.in", "second.out->out.in"],
    );
    const ended = await waitForRunEnd((await run(spec, { n: 2 })).id);
    expect(ended.status).toBe("succeeded");
    expect(ledger.to("/delay/first")).toHaveLength(1);
    expect(ledger.to("/delay/second")).toHaveLength(1);
    expect(ledger.to("/delay/second")[0]!.at - ledger.to("/delay/first")[0]!.at).toBeGreaterThanOrEqual(700);
    expect(stepsOf(ended.steps)).toEqual(["in:succeeded", "first:succeeded", "wait:succeeded", "second:succeeded", "out:succeeded"]);
  });
});

describe("the Webhook to agent to HTTP template", () => {
  it("posts the agent's summary once, after the agent ran, never the raw webhook request", async () => {
    const template = GRAPH_TEMPLATES.find((candidate) => candidate.id === "webhook-agent-http")!;
    const spec = structuredClone(template.spec);
    const notify = spec.nodes.find((node) => node.id === "notify")!;
    notify.config = { ...notify.config, url: `${ledger.url}/template` };
    const ended = await waitForRunEnd((await run(spec, { body: "disk full on db-1" })).id);
    expect(ended.status).toBe("succeeded");
    const calls = ledger.to("/template");
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body).toContain("Summary of");
    expect(stepsOf(ended.steps).filter((step) => step.startsWith("notify"))).toEqual(["notify:succeeded"]);
  });
});

describe("a fork", () => {
  it("re-runs the forked step's downstream effects once", async () => {
    const spec = buildSpec(
      [{ id: "in", type: "core/input" }, { id: "shape", type: "core/transform", config: { mapping: { n: "n" } } }, http("call", "/fork"), { id: "out", type: "core/output" }],
      ["in.out->shape.in", "shape.out->call.in", "call.out->out.in"],
    );
    const source = await waitForRunEnd((await run(spec, { n: 3 })).id);
    expect(source.status).toBe("succeeded");
    expect(ledger.to("/fork")).toHaveLength(1);
    const shapeStep = source.steps.find((step) => step.nodeId === "shape")!;
    const fork = await forkRun(db(), { ...scope, runId: source.id, stepSeq: shapeStep.seq });
    const forked = await waitForRunEnd(fork.id);
    expect(forked.status).toBe("succeeded");
    expect(ledger.to("/fork")).toHaveLength(2);
    expect(stepsOf(forked.steps)).toEqual(["in:succeeded", "shape:succeeded", "call:succeeded", "out:succeeded"]);
  });
});
