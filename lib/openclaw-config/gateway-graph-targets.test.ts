import { describe, expect, it } from "vitest";
import { importConfigToGraph } from "./import-config-to-graph";
import { gatewayGraphTargets, listGraphAgentIds } from "./gateway-graph-targets";

describe("gatewayGraphTargets", () => {
  const { spec } = importConfigToGraph({ agents: { entries: { main: { subagents: { allowAgents: ["helper"] } }, helper: {} } }, mcp: { servers: { docs: { url: "https://docs.example/mcp" } } } }, {});
  const targets = gatewayGraphTargets(spec);
  const nodeOf = (agentId: string) => spec.nodes.find((node) => (node.config as { agentId?: string }).agentId === agentId)!.id;

  it("maps agents to their nodes, tools to their MCP server node and spawns to the delegation edge", () => {
    expect(listGraphAgentIds(spec)).toEqual(["main", "helper"]);
    expect(targets.agentNodeId("helper")).toBe(nodeOf("helper"));
    expect(targets.hasAgent("ghost")).toBe(false);
    expect(targets.agentNodeId("ghost")).toBe("agent:ghost");
    const mcpNode = spec.nodes.find((node) => node.type === "openclaw-config/mcp-server")!.id;
    expect(targets.toolNodeId("docs__search")).toBe(mcpNode);
    expect(targets.toolNodeId("exec")).toBeUndefined();
    const edge = spec.edges.find((candidate) => candidate.source.port === "subagents")!;
    expect(targets.delegationEdgeId("main", "helper")).toBe(edge.id);
    expect(targets.delegationEdgeId("helper", "main")).toBeUndefined();
  });
});
