import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { egressStream } from "../../egress";
import type { TAttachedCall } from "../../runtime/attached-contract";
import { buildSpec } from "../../runtime/testing/build-spec";
import { createRuntimeHarness, runToIdle } from "../../runtime/testing/runtime-harness";
import { agentNode } from "../agent/agent-node";
import { scriptedModelNode } from "../providers/scripted-model";
import { withMcpClient, type TMcpCommand } from "./connect-mcp-server";
import { listMcpTools, type TMcpToolInfo } from "./list-mcp-tools";
import { createMcpSessionPool } from "./mcp-session-pool";
import { createMcpToolsNode, MCP_IDEMPOTENCY_META_KEY } from "./mcp-tools-node";
import { everythingCommand, runningEverythingChildren, startEverythingHttpServer } from "./testing/everything-server";
import { RECORD_TOOL, startRecordingMcpServer } from "./testing/recording-mcp-server";
import { hashToolDefinition } from "./tool-definition-hash";

const commands: Record<string, TMcpCommand> = { everything: everythingCommand() };
const sessions = createMcpSessionPool({ idleMs: 60_000, maxSessions: 8 });
let tools: TMcpToolInfo[];

beforeAll(async () => {
  const signal = AbortSignal.timeout(20_000);
  tools = await withMcpClient({ target: { transport: "stdio", command: commands.everything! }, fetchStream: () => Promise.reject(new Error("no HTTP")), signal }, (client) => listMcpTools(client, signal));
}, 30_000);

afterAll(async () => {
  await sessions.close();
  expect(runningEverythingChildren()).toEqual([]);
});

function hashOf(name: string): string {
  return tools.find((tool) => tool.name === name)!.hash;
}

function harness(allowedHosts: string[] = [], workspaceId = "workspace-1") {
  const mcp = createMcpToolsNode({ workspaceId, fetchStream: (request) => egressStream(request, { allowedHosts }), findMcpCommand: async (id) => commands[id] ?? null, mcpSessions: sessions });
  return createRuntimeHarness([agentNode, scriptedModelNode, mcp]);
}

function agentSpec(mcpConfig: Record<string, unknown>, turns: unknown[]) {
  return buildSpec(
    [
      { id: "in", type: "core/input" },
      { id: "agent", type: "core/agent" },
      { id: "model", type: "core/scripted-model", config: { turns } },
      { id: "mcp", type: "core/mcp-tools", config: mcpConfig },
      { id: "out", type: "core/output" },
    ],
    ["in.out->agent.in", "model.model->agent.model", "mcp.tools->agent.tools", "agent.out->out.in"],
  );
}

const SUM_THEN_ANSWER = [{ toolCalls: [{ name: "get-sum", arguments: { a: 2, b: 3 } }] }, { content: "Server says: {{toolResults.0}}" }];

function offeredTools(calls: TAttachedCall[]): string[] {
  const first = calls.find((call) => call.kind === "model")!;
  return (first.input as { tools: { name: string }[] }).tools.map((tool) => tool.name);
}

describe("MCP Tools node (real server over stdio)", () => {
  it("offers only the approved tools and the agent uses one", { timeout: 30_000 }, async () => {
    const { memory, runtime, start } = harness();
    const id = start(agentSpec({ transport: "stdio", commandId: "everything", pinnedTools: { "get-sum": hashOf("get-sum"), echo: hashOf("echo") } }, SUM_THEN_ANSWER), "2 + 3?");
    await runToIdle(runtime);
    expect(memory.runs.get(id)).toMatchObject({ status: "succeeded", output: { out: { text: "Server says: The sum of 2 and 3 is 5.", toolCalls: [{ tool: "get-sum", ok: true }] } } });
    const step = memory.steps.find((candidate) => candidate.nodeId === "agent")!;
    expect(offeredTools(step.effects.calls!).sort()).toEqual(["echo", "get-sum"]);
    expect(step.effects.calls!.find((call) => call.kind === "tool")).toMatchObject({ nodeId: "mcp", operation: "get-sum", output: { output: "The sum of 2 and 3 is 5." } });
  });

  it("serves the calls of later runs from the same server process, and another workspace from its own", { timeout: 30_000 }, async () => {
    const config = { transport: "stdio", commandId: "everything", pinnedTools: { "get-sum": hashOf("get-sum") } };
    const earlier = new Set(runningEverythingChildren());
    const startedSince = () => runningEverythingChildren().filter((pid) => !earlier.has(pid));
    const first = harness([], "workspace-a");
    const ids = [first.start(agentSpec(config, SUM_THEN_ANSWER), "2 + 3?"), first.start(agentSpec(config, SUM_THEN_ANSWER), "2 + 3?")];
    await runToIdle(first.runtime);
    expect(ids.map((id) => first.memory.runs.get(id)?.status)).toEqual(["succeeded", "succeeded"]);
    const [serverA, ...more] = startedSince();
    expect(more).toEqual([]);

    const later = harness([], "workspace-a");
    const laterId = later.start(agentSpec(config, SUM_THEN_ANSWER), "2 + 3?");
    await runToIdle(later.runtime);
    expect(later.memory.runs.get(laterId)).toMatchObject({ status: "succeeded", output: { out: { text: "Server says: The sum of 2 and 3 is 5." } } });
    expect(startedSince()).toEqual([serverA]);

    const other = harness([], "workspace-b");
    other.start(agentSpec(config, SUM_THEN_ANSWER), "2 + 3?");
    await runToIdle(other.runtime);
    const started = startedSince();
    expect(started).toHaveLength(2);
    expect(started).toContain(serverA);
  });

  it("disables a tool whose definition no longer matches its pin, and says which", { timeout: 30_000 }, async () => {
    const { memory, runtime, start } = harness();
    const id = start(agentSpec({ transport: "stdio", commandId: "everything", pinnedTools: { "get-sum": "0".repeat(64), echo: hashOf("echo") } }, SUM_THEN_ANSWER), "2 + 3?");
    await runToIdle(runtime);
    const run = memory.runs.get(id)!;
    expect(run).toMatchObject({ status: "succeeded", output: { out: { toolCalls: [{ tool: "get-sum", ok: false }] } } });
    const step = memory.steps.find((candidate) => candidate.nodeId === "agent")!;
    expect(offeredTools(step.effects.calls!)).toEqual(["echo"]);
    expect(step.effects.calls!.filter((call) => call.kind === "tool")).toEqual([]);
    const warnings = memory.events.filter((event) => event.runId === id && event.type === "node.log" && event.nodeId === "mcp").map((event) => (event.payload as { message: string }).message);
    expect(warnings).toContain('MCP tool "get-sum" changed since it was approved and is disabled: re-approve it in the inspector');
  });

  it("starts the server with PATH as its only environment variable", { timeout: 30_000 }, async () => {
    const { memory, runtime, start } = harness();
    const turns = [{ toolCalls: [{ name: "get-env", arguments: {} }] }, { content: "done" }];
    start(agentSpec({ transport: "stdio", commandId: "everything", pinnedTools: { "get-env": hashOf("get-env") } }, turns), "env?");
    await runToIdle(runtime);
    const call = memory.steps.find((candidate) => candidate.nodeId === "agent")!.effects.calls!.find((entry) => entry.kind === "tool")!;
    expect(Object.keys(JSON.parse((call.output as { output: string }).output) as object)).toEqual(["PATH"]);
  });

  it("fails clearly without approved tools, or with a command that is not approved", { timeout: 30_000 }, async () => {
    const { memory, runtime, start } = harness();
    const unpinned = start(agentSpec({ transport: "stdio", commandId: "everything" }, SUM_THEN_ANSWER), "hi");
    const foreign = start(agentSpec({ transport: "stdio", commandId: "rm-rf", pinnedTools: { "get-sum": hashOf("get-sum") } }, SUM_THEN_ANSWER), "hi");
    await runToIdle(runtime);
    expect(memory.runs.get(unpinned)).toMatchObject({ status: "failed", error: { message: expect.stringContaining('MCP Tools node "mcp" has no approved tools: approve tools in the inspector') } });
    expect(memory.runs.get(foreign)).toMatchObject({ status: "failed", error: { message: expect.stringContaining(`MCP Tools node "mcp" names a command that is not on this workspace's approved list`) } });
  });

  it("kills the server of a one-off connection at once when the work is cancelled", { timeout: 30_000 }, async () => {
    const pooled = runningEverythingChildren();
    const abort = new AbortController();
    const target = { transport: "stdio" as const, command: commands.everything! };
    const call = withMcpClient({ target, fetchStream: () => Promise.reject(new Error("no HTTP")), signal: abort.signal }, async (client) => {
      setTimeout(() => abort.abort(), 200);
      return client.callTool({ name: "trigger-long-running-operation", arguments: { duration: 20, steps: 2 } }, undefined, { signal: abort.signal });
    });
    await expect(call).rejects.toThrow();
    expect(runningEverythingChildren()).toEqual(pooled);
  });
});

describe("MCP Tools node (streamable HTTP through egress)", () => {
  let server: Awaited<ReturnType<typeof startEverythingHttpServer>>;
  beforeAll(async () => {
    server = await startEverythingHttpServer();
  }, 30_000);
  afterAll(async () => {
    await server.stop();
  });

  it("reaches a URL on the workspace allowlist, and nothing else", { timeout: 30_000 }, async () => {
    const config = { transport: "http", url: server.url, pinnedTools: { "get-sum": hashOf("get-sum") } };
    const allowed = harness([server.host]);
    const ok = allowed.start(agentSpec(config, SUM_THEN_ANSWER), "2 + 3?");
    await runToIdle(allowed.runtime);
    expect(allowed.memory.runs.get(ok)).toMatchObject({ status: "succeeded", output: { out: { text: "Server says: The sum of 2 and 3 is 5." } } });

    const refused = harness([]);
    const blocked = refused.start(agentSpec(config, SUM_THEN_ANSWER), "2 + 3?");
    await runToIdle(refused.runtime);
    // The workspace's warm session to that URL is still open: each of its requests is checked against the allowlist.
    expect(refused.memory.runs.get(blocked)).toMatchObject({ status: "failed", error: { message: expect.stringContaining(`${server.host} is not on this workspace's egress allowlist`) } });

    const elsewhere = harness([], "workspace-2");
    const cold = elsewhere.start(agentSpec(config, SUM_THEN_ANSWER), "2 + 3?");
    await runToIdle(elsewhere.runtime);
    expect(elsewhere.memory.runs.get(cold)).toMatchObject({ status: "failed", error: { message: expect.stringContaining(`Could not connect to the MCP server at ${server.url}: ${server.host} is not on this workspace's egress allowlist`) } });
  });
});

describe("MCP Tools node: idempotency key", () => {
  it("sends each tool call's own key in `_meta`: the agent step's key plus the call's index", { timeout: 30_000 }, async () => {
    const server = await startRecordingMcpServer();
    try {
      const { memory, runtime, start } = harness([server.host]);
      const turns = [{ toolCalls: [{ name: "record", arguments: { note: "a" } }, { name: "record", arguments: { note: "b" } }] }, { content: "done" }];
      const id = start(agentSpec({ transport: "http", url: server.url, pinnedTools: { record: hashToolDefinition(RECORD_TOOL) } }, turns), "record twice");
      await runToIdle(runtime);
      expect(memory.runs.get(id)?.status).toBe("succeeded");
      const calls = memory.steps.find((step) => step.nodeId === "agent")!.effects.calls!;
      const indexOf = (note: string) => calls.findIndex((call) => call.kind === "tool" && (call.input as { note: string }).note === note);
      expect(server.calls.map((call) => [(call.arguments as { note: string }).note, call.meta?.[MCP_IDEMPOTENCY_META_KEY]]).sort()).toEqual([
        ["a", `${id}:agent:top:0:call-${indexOf("a")}`],
        ["b", `${id}:agent:top:0:call-${indexOf("b")}`],
      ]);
    } finally {
      await sessions.closeWhere((session) => session.target.transport === "http" && session.target.url === server.url, "the test server stops");
      await server.stop();
    }
  });
});
