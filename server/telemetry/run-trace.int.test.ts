// Runs traced end to end, as the studio wires them (start-runtime.ts): a webhook delivery with a W3C traceparent
// starts a run whose spans (run, every step, every call, every outbound HTTP request) reach a local OTLP/HTTP receiver
// in the sender's trace, and the servers the run calls see a traceparent of that trace naming the span that called.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { everythingCommand } from "../agents/mcp/testing/everything-server";
import { startOpenAiTestServer } from "../agents/testing/openai-test-server";
import type { TTestServer } from "../agents/testing/scripted-model-server";
import { db } from "../db/client";
import { buildSpec } from "../runtime/testing/build-spec";
import { parseTraceparent, stepSpanId } from "../runtime/trace-context";
import { addEgressRule } from "../services/egress/add-egress-rule";
import { createGraph } from "../services/graph/create-graph";
import { startRun } from "../services/run/start-run";
import { startRuntime } from "../start-runtime";
import { createWorkspaceWithMembers } from "../testing/factories";
import { startHttpLedgerServer } from "../testing/http-ledger-server";
import { callerFor } from "../testing/trpc-callers";
import { waitForRunEnd } from "../testing/wait-for-run-end";
import { createPublishedGraph } from "../triggers/testing/trigger-graphs";
import { createWebhookHandler } from "../triggers/webhook-handler";
import { startOtlpReceiver, type TReceivedSpan } from "./testing/otlp-receiver";
import { createTracing, getTracing, setTracing } from "./tracing";

const SENDER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const SENDER_SPAN = "00f067aa0ba902b7";

let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let ledger: Awaited<ReturnType<typeof startHttpLedgerServer>>;
let studio: Awaited<ReturnType<typeof startRuntime>>;
let hooks: Server;
let hooksUrl: string;
let model: TTestServer;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  setTracing(createTracing({ endpoint: receiver.url, serviceName: "studio-trace-test" }));
  ledger = await startHttpLedgerServer();
  model = await startOpenAiTestServer([{ content: "Charging.", toolCalls: [{ name: "charge", arguments: { amount: 5 } }] }, { content: "Charged 5." }]);
  studio = await startRuntime(db());
  hooks = createServer(createWebhookHandler({ db: db(), ratePerMinute: 1_000 }));
  await new Promise<void>((resolve) => hooks.listen(0, "127.0.0.1", resolve));
  hooksUrl = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await studio.stop();
  await getTracing()?.shutdown();
  setTracing(null);
  await Promise.all([receiver.close(), ledger.close(), model.close(), new Promise((resolve) => hooks.close(resolve))]);
});

/** The spans of `traceId` the receiver has, once the exporter sent them. */
async function exportedSpans(traceId: string, atLeast: number): Promise<TReceivedSpan[]> {
  await getTracing()!.flush();
  await expect.poll(() => receiver.spans.filter((span) => span.traceId === traceId).length).toBeGreaterThanOrEqual(atLeast);
  return receiver.spans.filter((span) => span.traceId === traceId);
}

describe("a run started by a webhook with a traceparent", () => {
  it("is traced in the sender's trace: the run under the sender's span, each step under the run, the HTTP call under its step, and the callee is told the call's span", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["editor"]);
    const api = callerFor(members.editor);
    await addEgressRule(db(), { workspaceId: workspace.id, actorId: members.editor.id, host: ledger.host });
    const spec = buildSpec(
      [
        { id: "hook", type: "core/webhook" },
        { id: "charge", type: "core/http-request", config: { method: "POST", url: `${ledger.url}/traced/charge`, body: "{{input.body}}" } },
        { id: "out", type: "core/output", config: { name: "charged" } },
      ],
      ["hook.out->charge.in", "charge.out->out.in"],
    );
    const { graphId } = await createPublishedGraph(api, workspace.id, spec);
    const { token } = await api.trigger.createWebhookToken({ workspaceId: workspace.id, graphId, nodeId: "hook" });

    const delivery = await fetch(`${hooksUrl}/api/hooks/${token}`, {
      method: "POST",
      headers: { "content-type": "application/json", traceparent: `00-${SENDER_TRACE}-${SENDER_SPAN}-01` },
      body: JSON.stringify({ amount: 5 }),
    });
    expect(delivery.status).toBe(202);
    const { runId } = (await delivery.json()) as { runId: string };
    const run = await waitForRunEnd(runId);
    expect(run.status).toBe("succeeded");
    expect([run.traceId, run.parentSpanId]).toEqual([SENDER_TRACE, SENDER_SPAN]);

    const spans = await exportedSpans(SENDER_TRACE, 5);
    const runSpan = spans.find((span) => span.name === "run" && span.attributes["studio.run.id"] === runId)!;
    expect(runSpan.parentSpanId).toBe(SENDER_SPAN);
    expect(runSpan.serviceName).toBe("studio-trace-test");
    const stepSpans = spans.filter((span) => span.name.startsWith("step ") && span.attributes["studio.run.id"] === runId);
    expect(stepSpans.map((span) => [span.name, span.attributes["studio.node.id"], span.parentSpanId]).sort()).toEqual([
      ["step core/http-request", "charge", runSpan.spanId],
      ["step core/output", "out", runSpan.spanId],
      ["step core/webhook", "hook", runSpan.spanId],
    ]);
    // Each step's span has the id the runtime gave the node before anything was exported.
    for (const step of run.steps) {
      expect(stepSpans.find((span) => span.attributes["studio.step.seq"] === step.seq)!.spanId).toBe(stepSpanId(runId, step.seq, step.attempt));
    }

    const chargeStep = stepSpans.find((span) => span.attributes["studio.node.id"] === "charge")!;
    const httpSpan = spans.find((span) => span.parentSpanId === chargeStep.spanId)!;
    expect(httpSpan).toMatchObject({ name: "POST", attributes: { "http.request.method": "POST", "http.response.status_code": 200, "server.address": "127.0.0.1" } });
    const [received] = ledger.to("/traced/charge");
    expect(received!.headers.traceparent).toBe(`00-${SENDER_TRACE}-${httpSpan.spanId}-01`);
  });

  it("ignores an invalid traceparent and gives the run a trace of its own", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["editor"]);
    const api = callerFor(members.editor);
    const spec = buildSpec([{ id: "hook", type: "core/webhook" }, { id: "out", type: "core/output" }], ["hook.out->out.in"]);
    const { graphId } = await createPublishedGraph(api, workspace.id, spec);
    const { token } = await api.trigger.createWebhookToken({ workspaceId: workspace.id, graphId, nodeId: "hook" });
    const delivery = await fetch(`${hooksUrl}/api/hooks/${token}`, { method: "POST", headers: { traceparent: `00-${"0".repeat(32)}-${SENDER_SPAN}-01` } });
    const run = await waitForRunEnd(((await delivery.json()) as { runId: string }).runId);
    expect(run.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(run.traceId).not.toBe("0".repeat(32));
    expect(run.parentSpanId).toBeNull();
    const spans = await exportedSpans(run.traceId!, 3);
    expect(spans.find((span) => span.name === "run")!.parentSpanId).toBeUndefined();
  });
});

describe("an Agent's calls", () => {
  it("are spans under the agent's step: each model call and the tool call, with the HTTP requests they made under them", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
    const scope = { workspaceId: workspace.id, actorId: members.owner.id };
    await addEgressRule(db(), { ...scope, host: ledger.host });
    await addEgressRule(db(), { ...scope, host: new URL(model.url).host });
    const spec = buildSpec(
      [
        { id: "in", type: "core/input" },
        { id: "agent", type: "core/agent", config: { systemPrompt: "You charge cards." } },
        { id: "model", type: "core/openai-model", config: { baseUrl: model.url, model: "gpt-4o-mini" } },
        { id: "card", type: "core/http-request", config: { method: "POST", url: `${ledger.url}/traced/agent`, body: "{{input.amount}}", toolName: "charge" } },
        { id: "out", type: "core/output", config: { name: "answer" } },
      ],
      ["in.out->agent.in", "model.model->agent.model", "card.asTool->agent.tools", "agent.out->out.in"],
    );
    const graph = await createGraph(db(), { ...scope, name: "Traced agent", spec });
    const started = await startRun(db(), { ...scope, graphId: graph.id, source: { kind: "draft" }, input: "Charge 5" });
    const run = await waitForRunEnd(started.id);
    expect(run.status).toBe("succeeded");

    const spans = await exportedSpans(run.traceId!, 9);
    const agentStep = spans.find((span) => span.name === "step core/agent")!;
    const calls = spans.filter((span) => span.parentSpanId === agentStep.spanId);
    expect(calls.map((span) => span.name).sort()).toEqual(["model core/openai-model", "model core/openai-model", "tool charge"]);
    const toolCall = calls.find((span) => span.name === "tool charge")!;
    const toolRequest = spans.find((span) => span.parentSpanId === toolCall.spanId)!;
    expect(toolRequest.name).toBe("POST");
    expect(ledger.to("/traced/agent")[0]!.headers.traceparent).toBe(`00-${run.traceId}-${toolRequest.spanId}-01`);
    // The model server was called under each model call's span, told so in its own traceparent.
    const modelCalls = calls.filter((span) => span.name === "model core/openai-model");
    const modelRequests = modelCalls.map((call) => spans.find((span) => span.parentSpanId === call.spanId)!);
    const modelSaw = model.requests.map((request) => parseTraceparent(request.headers.traceparent)?.spanId);
    expect(modelSaw.sort()).toEqual(modelRequests.map((span) => span.spanId).sort());
  });
});

describe("an MCP tool call", () => {
  it("is a span of its own under the agent's step, named after the tool", { timeout: 60_000 }, async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
    const scope = { workspaceId: workspace.id, actorId: members.owner.id };
    const owner = callerFor(members.owner);
    const { command, args } = everythingCommand();
    const approved = await owner.mcp.addCommand({ workspaceId: workspace.id, name: "everything", command, args });
    const { tools } = await owner.mcp.inspectServer({ workspaceId: workspace.id, transport: "stdio", commandId: approved.id });
    const turns = [{ toolCalls: [{ name: "get-sum", arguments: { a: 40, b: 2 } }] }, { content: "Answer: {{toolResults.0}}" }];
    const spec = buildSpec(
      [
        { id: "in", type: "core/input" },
        { id: "agent", type: "core/agent" },
        { id: "model", type: "core/scripted-model", config: { turns } },
        { id: "mcp", type: "core/mcp-tools", config: { transport: "stdio", commandId: approved.id, pinnedTools: { "get-sum": tools.find((tool) => tool.name === "get-sum")!.hash } } },
        { id: "out", type: "core/output" },
      ],
      ["in.out->agent.in", "model.model->agent.model", "mcp.tools->agent.tools", "agent.out->out.in"],
    );
    const graph = await createGraph(db(), { ...scope, name: "Traced MCP", spec });
    const started = await startRun(db(), { ...scope, graphId: graph.id, source: { kind: "draft" }, input: "what is 40 + 2?" });
    const run = await waitForRunEnd(started.id);
    expect(run.status).toBe("succeeded");

    const spans = await exportedSpans(run.traceId!, 6);
    const agentStep = spans.find((span) => span.name === "step core/agent")!;
    const mcpCall = spans.find((span) => span.name === "mcp get-sum")!;
    expect(mcpCall.parentSpanId).toBe(agentStep.spanId);
    expect(spans.filter((span) => span.parentSpanId === agentStep.spanId).map((span) => span.name).sort()).toEqual([
      "mcp get-sum",
      "model core/scripted-model",
      "model core/scripted-model",
    ]);
  });
});

describe("a Sub-graph step", () => {
  it("starts its child run in the run's trace, under the span of the attempt that started it; the resumed step is a span of its own", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
    const scope = { workspaceId: workspace.id, actorId: members.owner.id };
    const child = await createGraph(db(), { ...scope, name: "Child", spec: buildSpec([{ id: "in", type: "core/input" }, { id: "out", type: "core/output", config: { name: "echo" } }], ["in.out->out.in"]) });
    const spec = buildSpec(
      [{ id: "in", type: "core/input" }, { id: "call", type: "core/subgraph", config: { graphId: child.id, version: "draft" } }, { id: "out", type: "core/output" }],
      ["in.out->call.in", "call.out->out.in"],
    );
    const graph = await createGraph(db(), { ...scope, name: "Parent", spec });
    const started = await startRun(db(), { ...scope, graphId: graph.id, source: { kind: "draft" }, input: "hi" });
    const run = await waitForRunEnd(started.id);
    expect(run.status).toBe("succeeded");
    const childRun = await db().run.findFirstOrThrow({ where: { parentRunId: run.id } });
    const callStep = run.steps.find((step) => step.nodeId === "call")!;
    expect([childRun.traceId, childRun.parentSpanId]).toEqual([run.traceId, stepSpanId(run.id, callStep.seq, 1)]);

    // Parent: two drives (parked on the child, then resumed) with the step's two spans; child: one drive, two steps.
    const spans = await exportedSpans(run.traceId!, 9);
    const callSpans = spans.filter((span) => span.attributes["studio.run.id"] === run.id && span.attributes["studio.node.id"] === "call");
    expect(callSpans.map((span) => span.spanId).sort()).toEqual([stepSpanId(run.id, callStep.seq, 1), stepSpanId(run.id, callStep.seq, 1, true)].sort());
    const childRunSpan = spans.find((span) => span.name === "run" && span.attributes["studio.run.id"] === childRun.id)!;
    expect(childRunSpan.parentSpanId).toBe(stepSpanId(run.id, callStep.seq, 1));
    const parentDrives = spans.filter((span) => span.name === "run" && span.attributes["studio.run.id"] === run.id);
    expect(parentDrives.map((span) => span.attributes["studio.run.resumed"]).sort()).toEqual([false, true]);
  });
});
