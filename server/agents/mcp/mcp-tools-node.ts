// The MCP Tools node: wired to an Agent's tools port, it offers the approved tools of one MCP server. Lists and calls
// run on the workspace's pooled session for that server (mcp-session-pool.ts), and every call re-checks the tool's
// current definition against its pin, so a server that changes a tool between list and call is caught too. Every call
// carries the tool call's idempotency key in its `_meta`, the same when the agent's step is re-executed.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { TAttachedContext, TToolSpec } from "../../runtime/attached-contract";
import { NonRetriableError } from "../../runtime/errors";
import type { TNodeImplementation } from "../../runtime/node-implementation";
import type { TAgentServices } from "../agent-services";
import { toToolName } from "../../runtime/tool-config";
import { MCP_REQUEST_TIMEOUT_MS, type TMcpTarget } from "./connect-mcp-server";
import { listMcpTools, type TMcpToolInfo } from "./list-mcp-tools";
import { MCP_TOOLS_NODE_DEFINITION } from "./mcp-tools-definition";
import { selectApprovedTools } from "./select-approved-tools";
import { toToolOutput } from "./to-tool-output";

type TMcpServices = Pick<TAgentServices, "workspaceId" | "fetchStream" | "findMcpCommand" | "mcpSessions">;

/** `_meta` key (MCP reserves unprefixed names and `modelcontextprotocol`/`mcp` prefixes; this is ours). */
export const MCP_IDEMPOTENCY_META_KEY = "io.openclaw/idempotency-key";

export function createMcpToolsNode(services: TMcpServices): TNodeImplementation {
  /** `use` calls `onEffect()` before it sends anything with effects: from then on a server that dies is not asked again. */
  async function withServerTools<T>(context: TAttachedContext, use: (tools: TMcpToolInfo[], pinned: Record<string, string>, client: Client, onEffect: () => void) => Promise<T>): Promise<T> {
    const pinned = readPinnedTools(context.config);
    if (Object.keys(pinned).length === 0) {
      throw new NonRetriableError(`MCP Tools node "${context.nodeId}" has no approved tools: approve tools in the inspector`);
    }
    const target = await resolveTarget(context, services);
    // Requests to an MCP server over HTTP are spans of the call (or of the listing) that makes them; on an HTTP session
    // that concurrent calls share, of the one that used it last (README.md, Sessions).
    const fetchStream: TMcpServices["fetchStream"] = (request) => services.fetchStream({ ...request, traceparent: context.traceparent });
    let hasSentEffect = false;
    const request = { workspaceId: services.workspaceId, target, fetchStream, signal: context.signal };
    return services.mcpSessions.use(request, async (client) => use(await listMcpTools(client, context.signal), pinned, client, () => (hasSentEffect = true)), {
      isRepeatable: () => !hasSentEffect,
    });
  }

  return {
    definition: MCP_TOOLS_NODE_DEFINITION,
    execute() {
      return Promise.reject(new NonRetriableError("An MCP Tools node runs only when wired to an Agent's tools port"));
    },
    attachment: {
      tools: {
        list: (context) =>
          withServerTools(context, async (tools, pinned): Promise<TToolSpec[]> => {
            const { approved, changed, missing } = selectApprovedTools(tools, pinned);
            for (const name of changed) warn(context, `MCP tool "${name}" changed since it was approved and is disabled: re-approve it in the inspector`);
            for (const name of missing) warn(context, `MCP tool "${name}" was approved but the server no longer offers it`);
            return approved.map((tool) => ({ name: toToolName(tool.name), description: tool.description, inputSchema: tool.inputSchema }));
          }),
        call: (context, name, args) =>
          withServerTools(context, async (tools, pinned, client, onEffect) => {
            const tool = tools.find((candidate) => toToolName(candidate.name) === name);
            if (!tool) throw new NonRetriableError(`The MCP server offers no tool named "${name}"`);
            if (!Object.hasOwn(pinned, tool.name)) throw new NonRetriableError(`MCP tool "${tool.name}" is not approved: approve it in the inspector`);
            if (pinned[tool.name] !== tool.hash) {
              const message = `MCP tool "${tool.name}" changed since it was approved and is disabled: re-approve it in the inspector`;
              warn(context, message);
              throw new NonRetriableError(message);
            }
            const request = { name: tool.name, arguments: toArguments(tool.name, args), _meta: { [MCP_IDEMPOTENCY_META_KEY]: context.idempotencyKey, traceparent: context.traceparent } };
            onEffect();
            const result = await client.callTool(request, undefined, { signal: context.signal, timeout: MCP_REQUEST_TIMEOUT_MS });
            return { output: toToolOutput(tool.name, result) };
          }),
      },
    },
  };
}

/** stdio runs only a command on the workspace's approved list; its program and argv come from that row, never the graph. */
async function resolveTarget(context: TAttachedContext, services: TMcpServices): Promise<TMcpTarget> {
  const { config } = context;
  if (config.transport === "http") {
    if (typeof config.url !== "string" || config.url === "") throw new NonRetriableError(`MCP Tools node "${context.nodeId}" has no URL`);
    return { transport: "http", url: config.url };
  }
  const commandId = typeof config.commandId === "string" ? config.commandId : "";
  if (!commandId) throw new NonRetriableError(`MCP Tools node "${context.nodeId}" has no command: pick an approved command in the inspector`);
  const command = await services.findMcpCommand(commandId);
  if (!command) throw new NonRetriableError(`MCP Tools node "${context.nodeId}" names a command that is not on this workspace's approved list`);
  return { transport: "stdio", command };
}

function readPinnedTools(config: Record<string, unknown>): Record<string, string> {
  const pinned = config.pinnedTools;
  if (typeof pinned !== "object" || pinned === null || Array.isArray(pinned)) return {};
  return Object.fromEntries(Object.entries(pinned).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

function toArguments(toolName: string, args: unknown): Record<string, unknown> {
  if (args === undefined || args === null) return {};
  if (typeof args !== "object" || Array.isArray(args)) throw new NonRetriableError(`The arguments for MCP tool "${toolName}" must be a JSON object`);
  return args as Record<string, unknown>;
}

function warn(context: TAttachedContext, message: string): void {
  context.emit("node.log", { level: "warn", message });
}
