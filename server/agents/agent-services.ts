// What the AI node types (agent, model providers, tools, memory, MCP) need from the studio, bound to one run's
// workspace and graph. Built in plugins/workspace-plugins.ts from Postgres and the egress guard; tests build their own.
import type { TEgressRequest, TEgressResponse, TEgressStreamResponse } from "../egress";
import type { TChatMessage } from "../runtime/attached-contract";
import type { TCodeRunner } from "../runtime/nodes/core/code";
import type { TMcpCommand } from "./mcp/connect-mcp-server";
import type { TMcpSessionPool } from "./mcp/mcp-session-pool";

/** A Memory node's conversation buffers, per memory node and session key (the workspace and graph are bound). */
export type TMemoryStore = {
  load(key: { nodeId: string; sessionKey: string }): Promise<TChatMessage[]>;
  /** Appends and keeps only the newest `window` messages. */
  append(key: { nodeId: string; sessionKey: string }, messages: TChatMessage[], window: number): Promise<void>;
};

export type TAgentServices = {
  workspaceId: string;
  graphId: string;
  /** Outbound HTTP through the egress guard with the workspace's allowlist. */
  fetch(request: TEgressRequest): Promise<TEgressResponse>;
  /** The same, with the body as a stream (server-sent events of a model provider). */
  fetchStream(request: TEgressRequest): Promise<TEgressStreamResponse>;
  memory: TMemoryStore;
  runCode: TCodeRunner;
  /** An MCP server command an admin approved for this workspace; null for any other id (another workspace's included). */
  findMcpCommand(commandId: string): Promise<TMcpCommand | null>;
  /** Live MCP sessions, shared by the runs of this process and keyed by workspace (agents/mcp/mcp-sessions.ts). */
  mcpSessions: TMcpSessionPool;
};
