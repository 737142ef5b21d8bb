import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import type { TSeqEvent } from "../runtime/run-store";
import { callerFor, rejectionOf } from "../testing/trpc-callers";
import { waitForRunEnd } from "../testing/wait-for-run-end";
import { endAbandonedGatewayRuns } from "./end-abandoned-gateway-runs";
import { startWorkspaceRuntime } from "../testing/start-workspace-runtime";
import { closeLiveGateway, GATEWAY_RECORDER_OWNER, setGatewayRunPublisher } from "./live-gateways";
import { ensureMasterKey, GATEWAY_TOKEN, RECORDING, setUpGatewayWorkspace } from "./testing/gateway-test-setup";
import type { TRecordedGateway } from "./testing/recorded-gateway";
import { textOfMessage } from "./gateway-protocol";

const published: TSeqEvent[] = [];
let open: { gateway: TRecordedGateway; workspaceId: string } | undefined;

beforeAll(() => {
  ensureMasterKey();
  setGatewayRunPublisher((event) => published.push(event));
});

afterEach(async () => {
  if (!open) return;
  closeLiveGateway(open.workspaceId, "test over");
  await open.gateway.close();
  open = undefined;
});

const CHAT_TEXT = textOfMessage((RECORDING.runs.chat!.history.messages as unknown[]).at(-1));

async function connected(options: Parameters<typeof setUpGatewayWorkspace>[0] = {}) {
  const setup = await setUpGatewayWorkspace(options);
  open = { gateway: setup.gateway, workspaceId: setup.workspaceId };
  const operator = callerFor(setup.members.operator);
  const status = await operator.openClawGateway.connect({ workspaceId: setup.workspaceId, graphId: setup.graphId, secretName: setup.secretName });
  return { ...setup, operator, status };
}

function chunksOf(events: { type: string; nodeId: string | null; payload: unknown }[], nodeId: string): string {
  return events.filter((event) => event.type === "node.output_chunk" && event.nodeId === nodeId).map((event) => (event.payload as { chunk: string }).chunk).join("");
}

describe("OpenClaw gateway live mode, against frames recorded off a real gateway", () => {
  it("connects as an operator with a signed challenge, lists agents and sessions, and records a chat as a read-only studio run", async () => {
    const setup = await connected();
    expect(setup.status).toMatchObject({ isConnected: true, state: "connected", serverVersion: "2026.9.6", host: `127.0.0.1:${setup.gateway.port}`, graphId: setup.graphId });
    const [hello] = setup.gateway.connectParams;
    expect(hello).toMatchObject({ role: "operator", scopes: ["operator.read", "operator.write"], caps: ["tool-events"], minProtocol: 4, maxProtocol: 4, auth: { token: GATEWAY_TOKEN } });

    const agents = await setup.operator.openClawGateway.agents({ workspaceId: setup.workspaceId });
    expect(agents.agents.map((agent) => [agent.id, agent.isInGraph])).toEqual([["main", true], ["helper", true]]);
    expect(await setup.operator.openClawGateway.sessions({ workspaceId: setup.workspaceId })).toEqual([]);

    const sent = await setup.operator.openClawGateway.send({ workspaceId: setup.workspaceId, agent: "main", message: "Say hello" });
    expect(sent.sessionKey).toBe("agent:main:main");
    const run = await waitForRunEnd(sent.runId);
    expect(run).toMatchObject({ status: "succeeded", trigger: "openclaw-gateway", graphId: setup.graphId, output: { text: CHAT_TEXT } });
    expect(run.steps.map((step) => [step.nodeId, step.status, (step.output as { text: string }).text])).toEqual([[setup.mainNode, "succeeded", CHAT_TEXT]]);
    expect(chunksOf(run.events, setup.mainNode)).toBe(CHAT_TEXT);
    expect(run.events.map((event) => event.seq)).toEqual(run.events.map((_, index) => index + 1));
    // The chat `final` that follows lifecycle `end` belongs to the same run: it starts no second recording.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await db().run.count({ where: { workspaceId: setup.workspaceId, trigger: "openclaw-gateway" } })).toBe(1);
    expect(published.filter((event) => event.runId === sent.runId).map((event) => event.type)).toEqual(run.events.map((event) => event.type));
    const send = setup.gateway.requests.find((request) => request.method === "chat.send")!;
    expect(send.params).toMatchObject({ sessionKey: "agent:main:main", agentId: "main", message: "Say hello" });

    const owner = callerFor(setup.members.owner);
    for (const refused of [() => owner.run.replay({ workspaceId: setup.workspaceId, runId: sent.runId }), () => owner.run.fork({ workspaceId: setup.workspaceId, runId: sent.runId, stepSeq: 1 })]) {
      expect(await rejectionOf(refused())).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("recorded from an OpenClaw gateway") });
    }
    expect((await owner.run.list({ workspaceId: setup.workspaceId, triggers: ["openclaw-gateway"] })).items.map((item) => item.id)).toContain(sent.runId);
    expect((await rejectionOf(callerFor(setup.members.viewer).openClawGateway.send({ workspaceId: setup.workspaceId, agent: "main", message: "hi" }))).code).toBe("FORBIDDEN");
  });

  it("records tool start and result as calls under the agent's step", async () => {
    const setup = await connected();
    const sent = await setup.operator.openClawGateway.send({ workspaceId: setup.workspaceId, agent: "main", message: "Use a tool" });
    const run = await waitForRunEnd(sent.runId);
    const agentStep = run.steps.find((step) => step.parentStepId === null)!;
    const toolStep = run.steps.find((step) => step.parentStepId === agentStep.id)!;
    expect(toolStep).toMatchObject({ nodeId: setup.mainNode, status: "failed", input: { task: "Say hi to the user", agentId: "helper" }, error: { code: "GATEWAY_TOOL_ERROR" } });
    const calls = run.events.filter((event) => event.type.startsWith("node.call_")).map((event) => [event.type, (event.payload as { operation: string }).operation, (event.payload as { ok?: boolean }).ok]);
    expect(calls).toEqual([["node.call_started", "sessions_spawn", undefined], ["node.call_finished", "sessions_spawn", false]]);
    expect(run.status).toBe("succeeded");
  });

  it("lights the delegation edge when the agent spawns a sub-agent, whose run becomes a step of its own node", async () => {
    const setup = await connected();
    const sent = await setup.operator.openClawGateway.send({ workspaceId: setup.workspaceId, agent: "main", message: "Ask the helper to say hi" });
    const run = await waitForRunEnd(sent.runId);
    const delegated = run.events.find((event) => event.type === "agent.delegated")!;
    expect(delegated.payload).toEqual({ edgeId: setup.delegationEdgeId, fromNodeId: setup.mainNode, toNodeId: setup.helperNode });
    expect(run.steps.find((step) => step.nodeId === setup.helperNode)).toMatchObject({ status: "succeeded", output: { text: "Hi from the helper agent." } });
    expect(chunksOf(run.events, setup.helperNode)).toBe("Hi from the helper agent.");
    expect(run.events.filter((event) => event.type === "node.started").map((event) => event.nodeId)).toEqual([setup.mainNode, setup.helperNode]);
  });

  it("reloads chat.history when frames are dropped (a gap in the event seq) and ends with the gateway's text", async () => {
    const setup = await connected({ frameDelayMs: 20 });
    const paused = setup.gateway.pauseBefore(11);
    const sent = await setup.operator.openClawGateway.send({ workspaceId: setup.workspaceId, agent: "main", message: "Say hello" });
    await paused;
    setup.gateway.dropFrames(2);
    setup.gateway.resume();
    const run = await waitForRunEnd(sent.runId);
    expect(setup.gateway.requests.filter((request) => request.method === "chat.history")).toHaveLength(1);
    expect(run.events.find((event) => event.type === "node.log")?.payload).toMatchObject({ level: "warn", message: expect.stringMatching(/^Reloading chat.history: gap in the gateway's event frames \(expected seq \d+, got \d+\)$/) });
    expect(run.events.some((event) => event.type === "node.output_replaced")).toBe(true);
    expect(run).toMatchObject({ status: "succeeded", output: { text: CHAT_TEXT } });
  });

  it("reconnects after the connection drops and resumes the run from chat.history", async () => {
    const setup = await connected({ frameDelayMs: 20 });
    const { workspaceId } = setup;
    const paused = setup.gateway.pauseBefore(11);
    const sent = await setup.operator.openClawGateway.send({ workspaceId, agent: "main", message: "Say hello" });
    await paused;
    setup.gateway.cutConnections();
    await expect.poll(async () => (await setup.operator.openClawGateway.status({ workspaceId }))?.state, { timeout: 10_000 }).toBe("connected");
    expect(setup.gateway.connectionCount).toBe(2);
    await expect.poll(() => setup.gateway.requests.filter((request) => request.method === "chat.history").length).toBe(1);
    setup.gateway.resume();
    const run = await waitForRunEnd(sent.runId);
    expect(run).toMatchObject({ status: "succeeded", output: { text: CHAT_TEXT } });
  });

  it("ends the run from chat.history when it finished on the gateway while the connection was down", async () => {
    const setup = await connected({ frameDelayMs: 20 });
    const paused = setup.gateway.pauseBefore(11);
    const sent = await setup.operator.openClawGateway.send({ workspaceId: setup.workspaceId, agent: "main", message: "Say hello" });
    await paused;
    setup.gateway.finishSilently();
    setup.gateway.cutConnections();
    const run = await waitForRunEnd(sent.runId);
    expect(run).toMatchObject({ status: "succeeded", output: { text: CHAT_TEXT, note: "ended while the studio was not receiving its events; output from chat.history" } });
  });

  it("leaves no run running: a disconnect ends it with the reason, and a recording whose process died is ended by the sweep", async () => {
    const setup = await connected({ frameDelayMs: 20 });
    const { workspaceId } = setup;
    const paused = setup.gateway.pauseBefore(8);
    const first = await setup.operator.openClawGateway.send({ workspaceId, agent: "main", message: "Say hello" });
    await paused;
    expect(await endAbandonedGatewayRuns(db())).not.toContain(first.runId);
    await setup.operator.openClawGateway.disconnect({ workspaceId });
    expect(await waitForRunEnd(first.runId)).toMatchObject({ status: "failed", error: { code: "GATEWAY_DISCONNECTED", message: expect.stringContaining("Disconnected from the gateway") } });

    // A process that dies stops heartbeating: its lease runs out and any studio process's sweep ends the run.
    await setup.operator.openClawGateway.connect({ workspaceId, graphId: setup.graphId, secretName: setup.secretName });
    const pausedAgain = setup.gateway.pauseBefore(8);
    const second = await setup.operator.openClawGateway.send({ workspaceId, agent: "main", message: "Say hello" });
    await pausedAgain;
    await db().run.update({ where: { id: second.runId }, data: { leaseExpiresAt: new Date(Date.now() - 1_000) } });
    // The engine would take over a run whose lease ran out; it never takes a gateway recording (it cannot run one).
    const engine = startWorkspaceRuntime();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await engine.stop();
    expect(await db().run.findUniqueOrThrow({ where: { id: second.runId }, select: { status: true, leaseOwner: true } })).toEqual({ status: "running", leaseOwner: GATEWAY_RECORDER_OWNER });
    expect(await endAbandonedGatewayRuns(db())).toEqual([second.runId]);
    expect(await waitForRunEnd(second.runId)).toMatchObject({ status: "failed", leaseOwner: null, error: { code: "GATEWAY_RECORDING_LOST" } });
  });

  it("refuses a wrong token and a gateway the egress allowlist does not open, in words", async () => {
    const wrong = await setUpGatewayWorkspace({ token: "not-the-token" });
    open = { gateway: wrong.gateway, workspaceId: wrong.workspaceId };
    const refused = await rejectionOf(callerFor(wrong.members.operator).openClawGateway.connect({ workspaceId: wrong.workspaceId, graphId: wrong.graphId, secretName: wrong.secretName }));
    expect(refused).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("refused the connection: connect: unauthorized: gateway token mismatch (INVALID_REQUEST AUTH_TOKEN_MISMATCH)") });
    await db().egressRule.deleteMany({ where: { workspaceId: wrong.workspaceId } });
    const blocked = await rejectionOf(callerFor(wrong.members.operator).openClawGateway.connect({ workspaceId: wrong.workspaceId, graphId: wrong.graphId, secretName: wrong.secretName }));
    expect(blocked.message).toBe(`The egress guard refused 127.0.0.1:${wrong.gateway.port}: 127.0.0.1:${wrong.gateway.port} is not on this workspace's egress allowlist`);
    expect(wrong.gateway.connectionCount).toBe(1);
  });
});
