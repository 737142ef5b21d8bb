// Budgets against the usage a real OpenAI-compatible wire reports (local test server, real HTTP through the egress
// guard): a run stopped by its budget fails with BudgetExceeded, and every token a model reported is counted in the
// run's usage, including those of steps and delegated agents that failed.
import { afterEach, describe, expect, it } from "vitest";
import type { TGraphSettings } from "@/lib/graph";
import { egressStream } from "../../egress";
import type { TNodeImplementation } from "../../runtime/node-implementation";
import { buildSpec } from "../../runtime/testing/build-spec";
import { createRuntimeHarness, runToIdle } from "../../runtime/testing/runtime-harness";
import { createOpenAiModelNode } from "../providers/openai-model";
import { startOpenAiTestServer } from "../testing/openai-test-server";
import type { TTestServer, TTestTurns } from "../testing/scripted-model-server";
import { agentNode } from "./agent-node";

const adderTool: TNodeImplementation = {
  definition: { type: "test/adder", version: 1, title: "adder", category: "test", icon: "x", description: "", inputs: [], outputs: [{ id: "tool", kind: "tool" }], configSchema: {}, sideEffects: "effectful" },
  execute: () => Promise.reject(new Error("attached only")),
  attachment: { tools: { list: async () => [{ name: "add", description: "Adds a and b", inputSchema: { type: "object" } }], call: async () => ({ output: { sum: 2 } }) } },
};

const servers: TTestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A coordinator agent on one model server; with `helperTurns`, a helper agent (own model server, the adder as its tool) it can delegate to. */
async function runAgents(settings: TGraphSettings, coordinatorTurns: TTestTurns, helperTurns?: TTestTurns) {
  const coordinator = await startOpenAiTestServer(coordinatorTurns);
  const helper = await startOpenAiTestServer(helperTurns ?? []);
  servers.push(coordinator, helper);
  const allowedHosts = [new URL(coordinator.url).host, new URL(helper.url).host];
  const modelNode = createOpenAiModelNode({ fetchStream: (request) => egressStream(request, { allowedHosts }) });
  const harness = createRuntimeHarness([agentNode, modelNode, adderTool], Date.now, { KEY: "sk-test" });
  const model = (url: string) => ({ baseUrl: url, model: "gpt-4o-mini", apiKeySecret: "KEY", inputPricePerMTok: 1, outputPricePerMTok: 1 });
  const noRetry = { attempts: 1, backoffMs: 1, maxBackoffMs: 1 };
  const spec = buildSpec(
    [
      { id: "in", type: "core/input" },
      { id: "coordinator", type: "core/agent" },
      { id: "coordinatorModel", type: "core/openai-model", config: model(coordinator.url), retry: noRetry },
      { id: "helper", type: "core/agent" },
      { id: "helperModel", type: "core/openai-model", config: model(helper.url), retry: noRetry },
      { id: "adder", type: "test/adder" },
      { id: "out", type: "core/output" },
    ],
    ["in.out->coordinator.in", "coordinatorModel.model->coordinator.model", "coordinator.out->out.in", "helperModel.model->helper.model", "adder.tool->helper.tools", ...(helperTurns ? ["helper.asTool->coordinator.tools"] : [])],
    settings,
  );
  const runId = harness.start(spec, "go");
  await runToIdle(harness.runtime);
  const run = harness.memory.runs.get(runId)!;
  return { run, step: harness.memory.steps.find((step) => step.runId === runId && step.nodeId === "coordinator")!, coordinator, helper };
}

const usage = (inputTokens: number, outputTokens: number) => ({ inputTokens, outputTokens });
const delegate = { content: "Asking.", toolCalls: [{ name: "ask_helper", arguments: { task: "add" } }], usage: usage(10, 5) };

describe("budgets", () => {
  it("fails the run with BudgetExceeded once the agent passes the run's token budget, with every reported token in its usage", async () => {
    const turns = [
      { content: "Adding.", toolCalls: [{ name: "ask_helper", arguments: { task: "add" } }], usage: usage(100, 37) },
      { content: "Still adding.", toolCalls: [{ name: "ask_helper", arguments: { task: "add" } }], usage: usage(100, 37) },
    ];
    const { run, step, coordinator } = await runAgents({ tokenBudget: 200 }, turns, [{ content: "2", usage: usage(0, 1) }, { content: "2", usage: usage(0, 1) }]);
    expect(coordinator.requests).toHaveLength(2);
    expect(run).toMatchObject({ status: "failed", error: { code: "BudgetExceeded", nodeId: "coordinator" } });
    // 2 × 137 from the coordinator's model, 1 from the helper it delegated to in between.
    expect(run.frontier!.usage.tokens).toBe(275);
    expect(step).toMatchObject({ status: "failed", usage: { tokens: 275 } });
  });

  it("counts the spend of a delegated agent that failed, while its caller carries on and succeeds", async () => {
    const helperTurns = [{ content: "Adding.", toolCalls: [{ name: "add", arguments: {} }], usage: usage(50, 20) }, { failure: { status: 400, message: "context too long" } }];
    const { run, step, helper } = await runAgents({}, [delegate, { content: "The helper failed; no sum.", usage: usage(10, 5) }], helperTurns);
    expect(helper.requests).toHaveLength(2);
    expect(run).toMatchObject({ status: "succeeded", output: { out: { text: "The helper failed; no sum.", toolCalls: [{ tool: "ask_helper", ok: false }] } } });
    expect(step.usage!.tokens).toBe(100);
    expect(run.frontier!.usage.tokens).toBe(100);
  });

  it("fails the run with BudgetExceeded when a delegated agent passes the run's budget, counting its tokens", async () => {
    const { run, coordinator, helper } = await runAgents({ tokenBudget: 60 }, [delegate, { content: "never asked" }], [{ content: "Adding.", toolCalls: [{ name: "add", arguments: {} }], usage: usage(40, 30) }]);
    expect(helper.requests).toHaveLength(1);
    expect(coordinator.requests).toHaveLength(1);
    expect(run).toMatchObject({ status: "failed", error: { code: "BudgetExceeded", message: expect.stringContaining("token budget") } });
    expect(run.frontier!.usage.tokens).toBe(85);
  });
});
