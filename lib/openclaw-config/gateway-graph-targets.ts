// Where a live OpenClaw gateway's activity lands on an imported graph: an agent id to its agent node, a tool name to
// the MCP server node that provides it, a sub-agent spawn to the delegation edge between the two agents.
import type { TGraphSpec } from "@/lib/graph";
import { OPENCLAW_CONFIG_TYPES } from "./config-node-types";

export type TGatewayGraphTargets = {
  /** The agent's node; an agent the graph does not have gets `agent:<id>` (recorded, drawn nowhere). */
  agentNodeId(agentId: string): string;
  hasAgent(agentId: string): boolean;
  /** The MCP server node whose tools OpenClaw names `<server>__<tool>`, if any. */
  toolNodeId(toolName: string): string | undefined;
  delegationEdgeId(fromAgentId: string, toAgentId: string): string | undefined;
};

export function gatewayGraphTargets(spec: TGraphSpec): TGatewayGraphTargets {
  const agents = new Map<string, string>();
  const mcpServers: { name: string; nodeId: string }[] = [];
  for (const node of spec.nodes) {
    const config = (node.config ?? {}) as { agentId?: unknown; name?: unknown };
    if (node.type === OPENCLAW_CONFIG_TYPES.agent && typeof config.agentId === "string") agents.set(config.agentId, node.id);
    if (node.type === OPENCLAW_CONFIG_TYPES.mcpServer && typeof config.name === "string") mcpServers.push({ name: config.name, nodeId: node.id });
  }
  const delegations = new Map<string, string>();
  for (const edge of spec.edges) {
    if (edge.source.port === "subagents") delegations.set(`${edge.source.node}>${edge.target.node}`, edge.id);
  }
  const agentNodeId = (agentId: string) => agents.get(agentId) ?? `agent:${agentId}`;
  return {
    agentNodeId,
    hasAgent: (agentId) => agents.has(agentId),
    toolNodeId: (toolName) => mcpServers.find((server) => toolName.startsWith(`${server.name}__`))?.nodeId,
    delegationEdgeId: (fromAgentId, toAgentId) => delegations.get(`${agentNodeId(fromAgentId)}>${agentNodeId(toAgentId)}`),
  };
}

/** The agent ids of an imported graph, in the graph's order: what the Live gateway panel offers to talk to. */
export function listGraphAgentIds(spec: TGraphSpec): string[] {
  return spec.nodes.filter((node) => node.type === OPENCLAW_CONFIG_TYPES.agent).map((node) => String((node.config as { agentId?: unknown }).agentId ?? "")).filter(Boolean);
}
