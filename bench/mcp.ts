// Measures an Agent's MCP tool call through the MCP Tools node (server/agents/mcp): `get-sum` of the reference server
// from npm (@modelcontextprotocol/server-everything) over stdio, as an approved command. A call is what the node does
// for one tool call: re-list the tools (the pin check) and call. Cold: a new session (spawn, handshake, list, call);
// warm: the workspace's pooled session. Prints one JSON object per measure: {"name", "value", "unit", ...}.
// `--calls N` sets the warm calls (default 1000), `--cold N` the cold starts (default 10).
import { availableParallelism, loadavg } from "node:os";
import { parseArgs } from "node:util";
import type { TAttachedContext } from "@/server/runtime/attached-contract";
import { listMcpTools } from "@/server/agents/mcp/list-mcp-tools";
import { createMcpSessionPool, type TMcpSessionPool } from "@/server/agents/mcp/mcp-session-pool";
import { createMcpToolsNode } from "@/server/agents/mcp/mcp-tools-node";
import { withMcpClient } from "@/server/agents/mcp/connect-mcp-server";
import { everythingCommand } from "@/server/agents/mcp/testing/everything-server";
import { percentile, round } from "./timed-run-store";

const WARMUP_CALLS = 50;
const WORKSPACE_ID = "bench-workspace";
const command = everythingCommand();
const noHttp = () => Promise.reject(new Error("the bench uses stdio only"));

function emit(name: string, value: number, unit: string, extra: Record<string, unknown>): void {
  const host = { cpus: availableParallelism(), loadAvg1m: round(loadavg()[0]!) };
  process.stdout.write(`${JSON.stringify({ name, value: round(value), unit, ...extra, host })}\n`);
}

/** The hash the editor pins when an editor approves get-sum in the inspector. */
async function approveGetSum(): Promise<Record<string, string>> {
  const signal = AbortSignal.timeout(30_000);
  const tools = await withMcpClient({ target: { transport: "stdio", command }, fetchStream: noHttp, signal }, (client) => listMcpTools(client, signal));
  return { "get-sum": tools.find((tool) => tool.name === "get-sum")!.hash };
}

function createCaller(sessions: TMcpSessionPool, pinnedTools: Record<string, string>) {
  const node = createMcpToolsNode({ workspaceId: WORKSPACE_ID, fetchStream: noHttp, findMcpCommand: async (id) => (id === command.id ? command : null), mcpSessions: sessions });
  let n = 0;
  return async () => {
    n += 1;
    const context: TAttachedContext = {
      runId: "bench-run",
      nodeId: "mcp",
      config: { transport: "stdio", commandId: command.id, pinnedTools },
      runInput: null,
      idempotencyKey: `bench-run:agent:top:0:call-${n}`,
      traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
      signal: AbortSignal.timeout(30_000),
      now: () => Date.now(),
      random: Math.random,
      emit: () => undefined,
      resolveSecret: () => Promise.reject(new Error("no secrets in the bench")),
      attached: {},
      budget: {},
      depth: 1,
      runGraph: () => Promise.reject(new Error("no sub-graphs in the bench")),
    };
    const result = await node.attachment!.tools!.call(context, "get-sum", { a: n, b: 1 });
    if (result.output !== `The sum of ${n} and 1 is ${n + 1}.`) throw new Error(`unexpected answer ${JSON.stringify(result.output)}`);
  };
}

async function time(action: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

/** Each from a fresh pool: the server process starts, handshakes, lists and answers; then the pool stops it. */
async function measureColdCalls(starts: number, pinnedTools: Record<string, string>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < starts; i++) {
    const sessions = createMcpSessionPool({ idleMs: 60_000, maxSessions: 1 });
    samples.push(await time(createCaller(sessions, pinnedTools)));
    await sessions.close();
  }
  return samples.sort((a, b) => a - b);
}

/** Sequential calls on one warm session, as one agent's tool calls would come. */
async function measureWarmCalls(calls: number, pinnedTools: Record<string, string>): Promise<number[]> {
  const sessions = createMcpSessionPool({ idleMs: 60_000, maxSessions: 1 });
  try {
    const call = createCaller(sessions, pinnedTools);
    for (let i = 0; i < WARMUP_CALLS; i++) await call();
    const samples: number[] = [];
    for (let i = 0; i < calls; i++) samples.push(await time(call));
    return samples.sort((a, b) => a - b);
  } finally {
    await sessions.close();
  }
}

const { values } = parseArgs({ options: { calls: { type: "string", default: "1000" }, cold: { type: "string", default: "10" } } });
const calls = Number(values.calls);
const starts = Number(values.cold);
const pinnedTools = await approveGetSum();
const server = "@modelcontextprotocol/server-everything over stdio";

const cold = await measureColdCalls(starts, pinnedTools);
emit("mcp_call_cold_ms", percentile(cold, 50), "ms", { starts, statistic: "median", server });
const warm = await measureWarmCalls(calls, pinnedTools);
emit("mcp_call_warm_p50_ms", percentile(warm, 50), "ms", { goal: 20, calls, server });
emit("mcp_call_warm_p99_ms", percentile(warm, 99), "ms", { calls, server });
