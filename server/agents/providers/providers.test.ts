// Agents against the two real wire formats, over real HTTP through the egress guard, served by local test servers.
import { afterEach, describe, expect, it } from "vitest";
import { egressStream } from "../../egress";
import type { TNodeImplementation } from "../../runtime/node-implementation";
import { buildSpec } from "../../runtime/testing/build-spec";
import { createRuntimeHarness, runToIdle } from "../../runtime/testing/runtime-harness";
import { agentNode } from "../agent/agent-node";
import type { TAgentServices } from "../agent-services";
import { startAnthropicTestServer } from "../testing/anthropic-test-server";
import { startOpenAiTestServer } from "../testing/openai-test-server";
import type { TRecordedRequest, TTestServer, TTestTurns } from "../testing/scripted-model-server";
import { createAnthropicModelNode } from "./anthropic-model";
import { createOpenAiModelNode } from "./openai-model";

const API_KEY = "sk-test-4f9a1c7e2b8d6053";

type TProviderCase = {
  name: string;
  type: string;
  model: string;
  start(turns: TTestTurns): Promise<TTestServer>;
  create(services: Pick<TAgentServices, "fetchStream">): TNodeImplementation;
  keyHeaderOf(request: TRecordedRequest): unknown;
  /** Events the wire sends before the answer's first word (OpenAI: the role; Anthropic: message and block start, a ping). */
  eventsBeforeText: number;
  /** The tool results the model saw in a request, as {id, content}. */
  toolResultsOf(request: TRecordedRequest): { id: string; content: string }[];
};

type TOpenAiMessage = { role: string; tool_call_id?: string; content?: string };
type TAnthropicMessage = { role: string; content: { type: string; tool_use_id?: string; content?: string }[] };

const PROVIDERS: TProviderCase[] = [
  {
    name: "OpenAI-compatible",
    type: "core/openai-model",
    model: "gpt-4o-mini",
    start: startOpenAiTestServer,
    create: createOpenAiModelNode,
    keyHeaderOf: (request) => request.headers.authorization,
    eventsBeforeText: 1,
    toolResultsOf: (request) =>
      (request.body.messages as TOpenAiMessage[]).filter((message) => message.role === "tool").map((message) => ({ id: message.tool_call_id!, content: message.content! })),
  },
  {
    name: "Anthropic",
    type: "core/anthropic-model",
    model: "claude-haiku-4-5",
    start: startAnthropicTestServer,
    create: createAnthropicModelNode,
    keyHeaderOf: (request) => request.headers["x-api-key"],
    eventsBeforeText: 3,
    toolResultsOf: (request) =>
      (request.body.messages as TAnthropicMessage[])
        .flatMap((message) => (message.role === "user" && Array.isArray(message.content) ? message.content : []))
        .filter((block) => block.type === "tool_result")
        .map((block) => ({ id: block.tool_use_id!, content: block.content! })),
  },
];

/** A tool node that adds two numbers. */
const adderTool: TNodeImplementation = {
  definition: { type: "test/adder", version: 1, title: "adder", category: "test", icon: "x", description: "", inputs: [], outputs: [{ id: "tool", kind: "tool" }], configSchema: {}, sideEffects: "effectful" },
  execute: () => Promise.reject(new Error("attached only")),
  attachment: {
    tools: {
      list: async () => [{ name: "add", description: "Adds a and b", inputSchema: { type: "object", properties: { a: { type: "number" }, b: { type: "number" } }, required: ["a", "b"] } }],
      call: async (_context, _name, args) => {
        const { a, b } = args as { a: number; b: number };
        return { output: { sum: a + b } };
      },
    },
  },
};

const servers: TTestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe.each(PROVIDERS)("$name model provider", (provider) => {
  type TSetUp = { retry?: { attempts: number; backoffMs: number; maxBackoffMs: number }; isAllowlisted?: boolean; modelRetry?: { attempts: number; backoffMs: number; maxBackoffMs: number } };

  async function setUp(turns: TTestTurns, { retry, isAllowlisted = true, modelRetry }: TSetUp = {}) {
    const server = await provider.start(turns);
    servers.push(server);
    const allowedHosts = isAllowlisted ? [new URL(server.url).host] : [];
    const node = provider.create({ fetchStream: (request) => egressStream(request, { allowedHosts }) });
    const harness = createRuntimeHarness([agentNode, node, adderTool], Date.now, { MODEL_KEY: API_KEY });
    const modelConfig = { baseUrl: server.url, model: provider.model, apiKeySecret: "MODEL_KEY", inputPricePerMTok: 1, outputPricePerMTok: 2 };
    const spec = buildSpec(
      [
        { id: "in", type: "core/input" },
        { id: "agent", type: "core/agent", config: { systemPrompt: "You add numbers." }, ...(retry ? { retry } : {}) },
        { id: "model", type: provider.type, config: modelConfig, ...(modelRetry ? { retry: modelRetry } : {}) },
        { id: "adder", type: "test/adder" },
        { id: "out", type: "core/output", config: { name: "answer" } },
      ],
      ["in.out->agent.in", "model.model->agent.model", "adder.tool->agent.tools", "agent.out->out.in"],
    );
    const runId = harness.start(spec, "what is 2 + 3?");
    await runToIdle(harness.runtime);
    const { memory } = harness;
    return {
      server,
      harness,
      spec,
      run: memory.runs.get(runId)!,
      agentStep: memory.steps.find((step) => step.runId === runId && step.nodeId === "agent"),
      events: memory.events.filter((event) => event.runId === runId),
      stored: JSON.stringify([memory.runs.get(runId), memory.steps.filter((step) => step.runId === runId), memory.events.filter((event) => event.runId === runId)]),
    };
  }

  const ADD_THEN_ANSWER: TTestTurns = [
    { content: "Let me add those.", toolCalls: [{ name: "add", arguments: { a: 2, b: 3 } }], usage: { inputTokens: 100, outputTokens: 10 } },
    { content: "The sum is 5.", usage: { inputTokens: 150, outputTokens: 5 } },
  ];

  it("streams the answer, calls the tool the model asks for, sends back its result, and records usage and cost", async () => {
    const { server, run, agentStep, events } = await setUp(ADD_THEN_ANSWER);
    expect(run).toMatchObject({ status: "succeeded", output: { answer: { text: "The sum is 5.", turns: 2, toolCalls: [{ tool: "add", arguments: { a: 2, b: 3 }, ok: true }] } } });

    const chunks = events.filter((event) => event.type === "node.output_chunk" && event.nodeId === "agent").map((event) => (event.payload as { chunk: string }).chunk);
    expect(chunks).toEqual(["Let ", "me ", "add ", "those.", "The ", "sum ", "is ", "5."]);

    expect(server.requests).toHaveLength(2);
    expect(provider.toolResultsOf(server.requests[0]!)).toEqual([]);
    const [result] = provider.toolResultsOf(server.requests[1]!);
    expect(JSON.parse(result!.content)).toEqual({ sum: 5 });
    expect(result!.id).toMatch(/^(call|toolu)_0_0$/);

    expect(agentStep!.usage).toEqual({ tokens: 265, costUsd: expect.closeTo((250 * 1 + 15 * 2) / 1_000_000, 12) });
    const modelCalls = agentStep!.effects.calls!.filter((call) => call.kind === "model");
    expect(modelCalls.map((call) => call.usage?.tokens)).toEqual([110, 155]);
  });

  it("sends the key from the workspace secret as the auth header, and nothing it stores contains it", async () => {
    const { server, run, stored } = await setUp(ADD_THEN_ANSWER);
    expect(run.status).toBe("succeeded");
    expect(server.requests.map(provider.keyHeaderOf)).toEqual(server.requests.map(() => (provider.type === "core/openai-model" ? `Bearer ${API_KEY}` : API_KEY)));
    expect(stored).not.toContain(API_KEY);
    expect(JSON.stringify(server.requests.map((request) => request.body))).not.toContain(API_KEY);
  });

  it("fails the run at once with the provider's message when the key is refused", async () => {
    const { server, run, harness } = await setUp([{ failure: { status: 401, message: "Incorrect API key provided" } }], { retry: { attempts: 3, backoffMs: 10, maxBackoffMs: 1_000 } });
    expect(run.status).toBe("failed");
    expect(run.error).toMatchObject({ message: expect.stringContaining("answered 401: Incorrect API key provided (check the API key in the secret MODEL_KEY)") });
    expect(server.requests).toHaveLength(1);
    expect(harness.sleeps).toEqual([]);
  });

  it("retries the model call alone (by default) as long as a 429's retry-after asks, then answers", async () => {
    const turns: TTestTurns = [{ failure: { status: 429, message: "Rate limit reached", headers: { "retry-after": "2" } } }, { content: "Five." }];
    const { server, run, events, harness } = await setUp(turns);
    expect(run).toMatchObject({ status: "succeeded", output: { answer: { text: "Five." } } });
    expect(server.requests).toHaveLength(2);
    expect(harness.sleeps).toEqual([2_000]);
    expect(events.find((event) => event.type === "node.log" && event.nodeId === "model")?.payload).toMatchObject({ level: "warn", message: expect.stringContaining("answered 429: Rate limit reached") });
    expect(events.some((event) => event.type === "node.retrying")).toBe(false);
  });

  it("reaches the model only through the egress allowlist: a host not on it fails the run without a request", async () => {
    const { server, run, harness } = await setUp(ADD_THEN_ANSWER, { retry: { attempts: 3, backoffMs: 10, maxBackoffMs: 1_000 }, isAllowlisted: false });
    expect(run).toMatchObject({ status: "failed", error: { message: expect.stringContaining("is not on this workspace's egress allowlist") } });
    expect(server.requests).toHaveLength(0);
    expect(harness.sleeps).toEqual([]);
  });

  it("replays a run from its record without a single request to the model", async () => {
    const { server, run, harness, spec } = await setUp(ADD_THEN_ANSWER);
    const replayId = harness.start(spec, "what is 2 + 3?", harness.memory.recordingOf([...harness.memory.runs.keys()][0]!, "replay"));
    await runToIdle(harness.runtime);
    expect(server.requests).toHaveLength(2);
    expect(harness.memory.runs.get(replayId)!.output).toEqual(run.output);
  });

  describe.each(["close", "end"] as const)("a stream cut mid-answer (%s)", (how) => {
    const cutAfter = provider.eventsBeforeText + 2;
    const CUT_THEN_ANSWER: TTestTurns = [{ content: "I will not finish this answer.", cut: { afterChunks: cutAfter, how } }, { content: "The sum is 5." }];
    const cutReason = how === "close" ? "the connection closed (ECONNRESET)" : "the stream ended before the answer did";

    it("is retried alone: the step and the run hold exactly the second attempt's text, and a model.retry event voids the first attempt's", async () => {
      const { server, run, agentStep, events } = await setUp(CUT_THEN_ANSWER);
      expect(server.requests).toHaveLength(2);
      expect(run).toMatchObject({ status: "succeeded", output: { answer: { text: "The sum is 5.", turns: 1 } } });
      expect(agentStep!.output).toMatchObject({ out: { text: "The sum is 5." } });
      expect(agentStep!.effects.calls!.filter((call) => call.kind === "model").map((call) => (call.output as { content: string }).content)).toEqual(["The sum is 5."]);

      const host = new URL(server.url).host;
      const retries = events.filter((event) => event.type === "model.retry");
      expect(retries.map((event) => [event.nodeId, event.payload])).toEqual([
        [
          "model",
          {
            stepSeq: agentStep!.seq,
            callId: `${agentStep!.seq}.0`,
            callerNodeId: "agent",
            nodeType: provider.type,
            kind: "model",
            operation: "complete",
            attempt: 2,
            delayMs: expect.any(Number),
            error: { code: "ModelStreamCut", message: `The model's answer stream from ${provider.model} at ${host} was cut after ${cutAfter} chunks: ${cutReason}` },
            discardedChars: "I will ".length,
          },
        ],
      ]);
      const chunkText = (list: typeof events) => list.filter((event) => event.type === "node.output_chunk" && event.nodeId === "agent").map((event) => (event.payload as { chunk: string }).chunk).join("");
      const retryAt = events.indexOf(retries[0]!);
      expect([chunkText(events.slice(0, retryAt)), chunkText(events.slice(retryAt))]).toEqual(["I will ", "The sum is 5."]);
      expect(JSON.stringify(events)).not.toContain("Could not reach");
    });

    it("fails the run naming the cut stream when every attempt is cut", async () => {
      const { server, run } = await setUp(() => CUT_THEN_ANSWER[0]!, { modelRetry: { attempts: 2, backoffMs: 10, maxBackoffMs: 100 } });
      expect(server.requests).toHaveLength(2);
      expect(run).toMatchObject({ status: "failed", error: { code: "ModelStreamCut", message: expect.stringContaining(`was cut after ${cutAfter} chunks: ${cutReason}`) } });
    });
  });
});

describe("OpenAI-compatible provider and the max tokens field", () => {
  async function runWith(model: string, modelConfig: Record<string, unknown> = {}) {
    const server = await startOpenAiTestServer([{ content: "Five." }]);
    servers.push(server);
    const node = createOpenAiModelNode({ fetchStream: (request) => egressStream(request, { allowedHosts: [new URL(server.url).host] }) });
    const harness = createRuntimeHarness([agentNode, node]);
    const spec = buildSpec(
      [
        { id: "in", type: "core/input" },
        { id: "agent", type: "core/agent", config: { maxTokens: 64 } },
        { id: "model", type: "core/openai-model", config: { baseUrl: server.url, model, ...modelConfig } },
        { id: "out", type: "core/output", config: { name: "answer" } },
      ],
      ["in.out->agent.in", "model.model->agent.model", "agent.out->out.in"],
    );
    const runId = harness.start(spec, "2 + 3?");
    await runToIdle(harness.runtime);
    const body = server.requests[0]?.body ?? {};
    return { run: harness.memory.runs.get(runId)!, requests: server.requests.length, fields: { max_tokens: body.max_tokens, max_completion_tokens: body.max_completion_tokens } };
  }

  it.each([
    ["o3-mini", { max_completion_tokens: 64 }],
    ["o1", { max_completion_tokens: 64 }],
    ["gpt-5-mini", { max_completion_tokens: 64 }],
    ["gpt-4o-mini", { max_tokens: 64 }],
    ["llama3.2", { max_tokens: 64 }],
  ])("auto sends the field %s takes, and the run answers", async (model, sent) => {
    const { run, fields } = await runWith(model);
    expect(fields).toEqual({ max_tokens: undefined, max_completion_tokens: undefined, ...sent });
    expect(run).toMatchObject({ status: "succeeded", output: { answer: { text: "Five." } } });
  });

  it("follows the node's explicit choice, and the reasoning model's refusal of max_tokens fails the run at once with OpenAI's words", async () => {
    expect((await runWith("my-deployment", { maxTokensParameter: "max_completion_tokens" })).fields).toEqual({ max_tokens: undefined, max_completion_tokens: 64 });
    const refused = await runWith("o3-mini", { maxTokensParameter: "max_tokens" });
    expect(refused.requests).toBe(1);
    expect(refused.run).toMatchObject({ status: "failed", error: { message: expect.stringContaining("answered 400: Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.") } });
  });
});
