// The whole agent stack against local model servers: Postgres store, the workspace's real node types (egress with
// its allowlist, the sandbox for Code), an HTTP tool and a Code tool, then a replay through the run service.
import { startWorkspaceRuntime } from "../testing/start-workspace-runtime";
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { buildSpec } from "../runtime/testing/build-spec";
import { getMasterKey, setMasterKey } from "../secrets/master-key";
import { addEgressRule } from "../services/egress/add-egress-rule";
import { createGraph } from "../services/graph/create-graph";
import { replayRun } from "../services/run/replay-run";
import { startRun } from "../services/run/start-run";
import { createSecret } from "../services/secret/create-secret";
import { createWorkspaceWithMembers } from "../testing/factories";
import { startAnthropicTestServer } from "./testing/anthropic-test-server";
import { startOpenAiTestServer } from "./testing/openai-test-server";
import type { TTestServer, TTestTurn } from "./testing/scripted-model-server";
import { waitForRunEnd } from "../testing/wait-for-run-end";

const API_KEY = "sk-test-end-to-end-0123456789";
let studio: ReturnType<typeof startWorkspaceRuntime>;
let inventory: Server;
let inventoryUrl: string;
const servers: TTestServer[] = [];
let inventoryHits = 0;

beforeAll(async () => {
  setMasterKey(randomBytes(32));
  inventory = createServer((request, response) => {
    inventoryHits++;
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ item: new URL(request.url ?? "/", "http://x").searchParams.get("item"), inStock: 12 }));
  });
  await new Promise<void>((resolve) => inventory.listen(0, "127.0.0.1", resolve));
  inventoryUrl = `http://127.0.0.1:${(inventory.address() as AddressInfo).port}`;
  studio = startWorkspaceRuntime();
});

afterAll(async () => {
  await studio.stop();
  await Promise.all(servers.map((server) => server.close()));
  await new Promise((resolve) => inventory.close(resolve));
});

const TURNS: TTestTurn[] = [
  { content: "Checking stock and pricing.", toolCalls: [{ name: "check_stock", arguments: { item: "lamp" } }, { name: "price_total", arguments: { count: 12, unitPrice: 5 } }] },
  { content: "There are 12 lamps in stock, worth 60 in total." },
];

const PROVIDERS = [
  { name: "OpenAI-compatible", type: "core/openai-model", model: "gpt-4o-mini", start: startOpenAiTestServer },
  { name: "Anthropic", type: "core/anthropic-model", model: "claude-3-5-haiku-latest", start: startAnthropicTestServer },
];


describe.each(PROVIDERS)("an Agent on the $name provider with an HTTP tool and a Code tool", (provider) => {
  it("answers through both tools, streams its tokens in order, records usage, and replays with zero model requests", async () => {
    const server = await provider.start(TURNS);
    servers.push(server);
    const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
    const scope = { workspaceId: workspace.id, actorId: members.owner.id };
    await addEgressRule(db(), { ...scope, host: new URL(server.url).host });
    await addEgressRule(db(), { ...scope, host: new URL(inventoryUrl).host });
    await createSecret(db(), { ...scope, name: "MODEL_KEY", value: API_KEY, masterKey: getMasterKey() });
    const spec = buildSpec(
      [
        { id: "in", type: "core/input" },
        { id: "agent", type: "core/agent", config: { systemPrompt: "You manage a shop." } },
        { id: "model", type: provider.type, config: { baseUrl: server.url, model: provider.model, apiKeySecret: "MODEL_KEY" } },
        { id: "stock", type: "core/http-request", config: { url: `${inventoryUrl}/stock?item={{input.item}}`, toolName: "check_stock", toolInputSchema: { type: "object", properties: { item: { type: "string" } } } } },
        { id: "total", type: "core/code", config: { code: "return input.count * input.unitPrice;", toolName: "price_total" } },
        { id: "out", type: "core/output", config: { name: "answer" } },
      ],
      ["in.out->agent.in", "model.model->agent.model", "stock.asTool->agent.tools", "total.asTool->agent.tools", "agent.out->out.in"],
    );
    const graph = await createGraph(db(), { ...scope, name: `Shop on ${provider.name}`, spec });
    const hitsBefore = inventoryHits;
    const started = await startRun(db(), { ...scope, graphId: graph.id, source: { kind: "draft" }, input: "How many lamps do we have and what are they worth at 5 each?" });
    const run = await waitForRunEnd(started.id);

    expect(run.error).toBeNull();
    expect(run.output).toMatchObject({ answer: { text: "There are 12 lamps in stock, worth 60 in total.", turns: 2, toolCalls: [{ tool: "check_stock", ok: true }, { tool: "price_total", ok: true }] } });
    expect(server.requests).toHaveLength(2);
    expect(inventoryHits - hitsBefore).toBe(1);
    const secondRequest = JSON.stringify(server.requests[1]!.body);
    expect(secondRequest).toContain("inStock");
    expect(secondRequest).toContain("60");
    const tokens = run.events.filter((event) => event.type === "node.output_chunk" && event.nodeId === "agent").map((event) => (event.payload as { chunk: string }).chunk);
    expect(tokens.join("")).toBe("Checking stock and pricing.There are 12 lamps in stock, worth 60 in total.");
    const agentStep = run.steps.find((step) => step.nodeId === "agent")!;
    expect((agentStep.usage as { tokens: number }).tokens).toBeGreaterThan(0);
    expect((run.usage as { tokens: number }).tokens).toBe((agentStep.usage as { tokens: number }).tokens);
    expect(JSON.stringify([run, run.steps, run.events])).not.toContain(API_KEY);

    const replay = await replayRun(db(), { workspaceId: workspace.id, runId: run.id, actorId: members.owner.id });
    const replayed = await waitForRunEnd(replay.id);
    expect(replayed.output).toEqual(run.output);
    expect(server.requests).toHaveLength(2);
    expect(inventoryHits - hitsBefore).toBe(1);
  });
});

describe("an Agent on an OpenAI reasoning model whose first answer stream is cut", () => {
  it("sends max_completion_tokens, retries the cut call alone, and stores only the second attempt's text beside a model.retry event", async () => {
    const server = await startOpenAiTestServer([{ content: "I will not finish.", cut: { afterChunks: 3, how: "close" } }, { content: "Five." }]);
    servers.push(server);
    const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
    const scope = { workspaceId: workspace.id, actorId: members.owner.id };
    await addEgressRule(db(), { ...scope, host: new URL(server.url).host });
    const spec = buildSpec(
      [
        { id: "in", type: "core/input" },
        { id: "agent", type: "core/agent", config: { maxTokens: 64 } },
        { id: "model", type: "core/openai-model", config: { baseUrl: server.url, model: "o3-mini", maxTokensParameter: "auto" }, retry: { attempts: 2, backoffMs: 10, maxBackoffMs: 10 } },
        { id: "out", type: "core/output", config: { name: "answer" } },
      ],
      ["in.out->agent.in", "model.model->agent.model", "agent.out->out.in"],
    );
    const graph = await createGraph(db(), { ...scope, name: "Cut stream", spec });
    const run = await waitForRunEnd((await startRun(db(), { ...scope, graphId: graph.id, source: { kind: "draft" }, input: "2 + 3?" })).id);

    expect(run.error).toBeNull();
    expect(run.output).toMatchObject({ answer: { text: "Five." } });
    expect(run.steps.find((step) => step.nodeId === "agent")!.output).toMatchObject({ out: { text: "Five." } });
    expect(server.requests.map((request) => [request.body.max_completion_tokens, request.body.max_tokens])).toEqual([
      [64, undefined],
      [64, undefined],
    ]);
    const retries = run.events.filter((event) => event.type === "model.retry");
    expect(retries.map((event) => [event.nodeId, event.payload])).toEqual([
      ["model", expect.objectContaining({ callerNodeId: "agent", attempt: 2, discardedChars: "I will ".length, error: { code: "ModelStreamCut", message: expect.stringMatching(/^The model's answer stream from o3-mini at 127\.0\.0\.1:\d+ was cut after 3 chunks: the connection closed/) } })],
    ]);
  });
});
