// openclaw.json (parsed, includes resolved) + workspace files -> a graph of openclaw-config/* nodes. Each node keeps
// its fragment exactly as written; what no node takes apart stays in the Gateway settings node, so exporting gives
// the same data back (export-graph-to-config.ts is the inverse). Node ids and places follow the file's order, so the
// same file always gives the same graph.
import { GRAPH_FORMAT, type TGraphEdge, type TGraphNode, type TGraphSpec } from "@/lib/graph";
import { OPENCLAW_CONFIG_TYPES } from "./config-node-types";
import { createColumnLayout, type TLayoutColumn } from "./config-graph-layout";
import { clipLabel, labelAgent, labelBinding, labelHook } from "./config-labels";
import { listUnknownKeys } from "./list-unknown-keys";
import { isPlainObject } from "./merge-deep";

export type TOpenClawImport = { spec: TGraphSpec; agents: number; bindings: number; unknownKeys: string[] };

/** Collections the import takes apart, by their path in openclaw.json; present ones are recorded so export restores them even when empty. */
export const CONFIG_COLLECTIONS = ["agents.entries", "agents.list", "bindings", "channels", "hooks.mappings", "mcp.servers", "plugins.entries"] as const;
export type TConfigCollection = (typeof CONFIG_COLLECTIONS)[number];

type TBuilder = { nodes: TGraphNode[]; edges: TGraphEdge[]; counters: Map<string, number>; place: ReturnType<typeof createColumnLayout> };

function addNode(builder: TBuilder, prefix: string, column: TLayoutColumn, type: string, label: string, config: Record<string, unknown>): string {
  const count = (builder.counters.get(prefix) ?? 0) + 1;
  builder.counters.set(prefix, count);
  const id = `${prefix}-${count}`;
  builder.nodes.push({ id, type, typeVersion: 1, label: clipLabel(label), position: builder.place(column), config });
  return id;
}

function addEdge(builder: TBuilder, source: { node: string; port: string }, target: { node: string; port: string }) {
  const id = `${source.node}-${source.port}-${target.node}`;
  if (!builder.edges.some((edge) => edge.id === id)) builder.edges.push({ id, source, target });
}

/** Detaches `container[key]` from the rest when `accept` says it is the expected shape. */
function take<T>(container: unknown, key: string, accept: (value: unknown) => value is T): T | undefined {
  if (!isPlainObject(container) || !(key in container) || !accept(container[key])) return undefined;
  const value = container[key];
  delete container[key];
  return value;
}

const isAny = (_value: unknown): _value is unknown => true;

export function importConfigToGraph(config: Record<string, unknown>, workspaceFiles: Record<string, string> = {}): TOpenClawImport {
  const rest = structuredClone(config);
  const builder: TBuilder = { nodes: [], edges: [], counters: new Map(), place: createColumnLayout() };
  const collections: TConfigCollection[] = [];
  const taken = <T>(collection: TConfigCollection, container: unknown, key: string, accept: (value: unknown) => value is T) => {
    const value = take(container, key, accept);
    if (value !== undefined) collections.push(collection);
    return value;
  };

  const channels = taken("channels", rest, "channels", isPlainObject);
  const channelNodes = new Map<string, string>();
  for (const [channel, settings] of Object.entries(channels ?? {})) {
    channelNodes.set(channel, addNode(builder, "channel", "channel", OPENCLAW_CONFIG_TYPES.channel, channel, { channel, settings }));
  }

  const agentsContainer = rest.agents;
  const defaults = take(agentsContainer, "defaults", isAny);
  const entries = taken("agents.entries", agentsContainer, "entries", isPlainObject);
  const list = taken("agents.list", agentsContainer, "list", Array.isArray);
  const agentNodes = new Map<string, string>();
  const agentEntries: { nodeId: string; entry: unknown }[] = [];
  const addAgent = (agentId: string, entry: unknown, form: "entries" | "list") => {
    const nodeId = addNode(builder, "agent", "agent", OPENCLAW_CONFIG_TYPES.agent, labelAgent(agentId, isPlainObject(entry) ? entry : {}), { agentId, form, entry });
    if (!agentNodes.has(agentId)) agentNodes.set(agentId, nodeId);
    agentEntries.push({ nodeId, entry });
  };
  for (const [agentId, entry] of Object.entries(entries ?? {})) addAgent(agentId, entry, "entries");
  (list ?? []).forEach((entry, index) => addAgent(isPlainObject(entry) && typeof entry.id === "string" && entry.id ? entry.id : `agent-${index + 1}`, entry, "list"));

  for (const { nodeId, entry } of agentEntries) {
    for (const target of readAllowAgents(entry)) {
      const targetNode = agentNodes.get(target);
      if (targetNode) addEdge(builder, { node: nodeId, port: "subagents" }, { node: targetNode, port: "spawn" });
    }
  }

  const bindings = taken("bindings", rest, "bindings", Array.isArray);
  (bindings ?? []).forEach((binding, index) => {
    const fields = isPlainObject(binding) ? binding : {};
    const nodeId = addNode(builder, "binding", "binding", OPENCLAW_CONFIG_TYPES.binding, labelBinding(fields, index), { binding });
    const channelNode = isPlainObject(fields.match) && typeof fields.match.channel === "string" ? channelNodes.get(fields.match.channel) : undefined;
    if (channelNode) addEdge(builder, { node: channelNode, port: "out" }, { node: nodeId, port: "in" });
    const agentNode = typeof fields.agentId === "string" ? agentNodes.get(fields.agentId) : undefined;
    if (agentNode) addEdge(builder, { node: nodeId, port: "agent" }, { node: agentNode, port: "in" });
  });

  const mappings = taken("hooks.mappings", rest.hooks, "mappings", Array.isArray);
  (mappings ?? []).forEach((mapping, index) => {
    const fields = isPlainObject(mapping) ? mapping : {};
    const nodeId = addNode(builder, "hook", "hook", OPENCLAW_CONFIG_TYPES.hook, labelHook(fields, index), { mapping });
    const agentNode = typeof fields.agentId === "string" ? agentNodes.get(fields.agentId) : undefined;
    if (agentNode) addEdge(builder, { node: nodeId, port: "agent" }, { node: agentNode, port: "in" });
  });

  const servers = taken("mcp.servers", rest.mcp, "servers", isPlainObject);
  for (const [name, server] of Object.entries(servers ?? {})) addNode(builder, "mcp", "mcpServer", OPENCLAW_CONFIG_TYPES.mcpServer, name, { name, server });

  const plugins = taken("plugins.entries", rest.plugins, "entries", isPlainObject);
  for (const [pluginId, entry] of Object.entries(plugins ?? {})) addNode(builder, "plugin", "plugin", OPENCLAW_CONFIG_TYPES.plugin, pluginId, { pluginId, entry });

  if (defaults !== undefined) addNode(builder, "defaults", "setting", OPENCLAW_CONFIG_TYPES.agentDefaults, "Agent defaults", { defaults });
  const tools = take(rest, "tools", isAny);
  if (tools !== undefined) addNode(builder, "tools", "setting", OPENCLAW_CONFIG_TYPES.toolPolicy, "Tool policy", { tools });
  addNode(builder, "gateway", "setting", OPENCLAW_CONFIG_TYPES.gateway, "Gateway settings", { rest, collections, keyOrder: Object.keys(config) });

  for (const [path, content] of Object.entries(workspaceFiles)) addNode(builder, "file", "file", OPENCLAW_CONFIG_TYPES.workspaceFile, path, { path, content });

  const spec: TGraphSpec = { format: GRAPH_FORMAT, nodes: builder.nodes, edges: builder.edges, settings: {} };
  return { spec, agents: agentEntries.length, bindings: bindings?.length ?? 0, unknownKeys: listUnknownKeys(config) };
}

/** The explicit agent ids an entry may spawn (`subagents.allowAgents`); `"*"` stays in the fragment, drawn as no edge. */
export function readAllowAgents(entry: unknown): string[] {
  if (!isPlainObject(entry) || !isPlainObject(entry.subagents) || !Array.isArray(entry.subagents.allowAgents)) return [];
  return entry.subagents.allowAgents.filter((id): id is string => typeof id === "string" && id !== "*");
}
