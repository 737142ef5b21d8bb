// A graph of openclaw-config/* nodes -> openclaw.json data + workspace files: the inverse of import-config-to-graph.ts.
// Fragments come back as written. Edges drawn on the canvas win over a fragment's own reference: a binding or webhook
// wired to an agent routes to that agent, a binding wired from a channel matches that channel, and an agent's
// `subagents.allowAgents` lists the agents it is wired to (entries naming no agent of the graph, like "*", stay).
import type { TGraphNode, TGraphSpec } from "@/lib/graph";
import { OPENCLAW_CONFIG_TYPES } from "./config-node-types";
import { readAllowAgents, type TConfigCollection } from "./import-config-to-graph";
import { isPlainObject } from "./merge-deep";

export type TOpenClawExport = { config: Record<string, unknown>; files: { path: string; content: string }[] };

const record = (value: unknown): Record<string, unknown> => (isPlainObject(value) ? value : {});

/** The object at `path` (created as `{}` where missing or not an object). */
function containerAt(root: Record<string, unknown>, path: string[]): Record<string, unknown> {
  let current = root;
  for (const key of path) {
    if (!isPlainObject(current[key])) current[key] = {};
    current = current[key] as Record<string, unknown>;
  }
  return current;
}

export function exportGraphToConfig(spec: TGraphSpec): TOpenClawExport {
  const ofType = (type: string) => spec.nodes.filter((node) => node.type === type);
  const byId = new Map(spec.nodes.map((node) => [node.id, node]));
  const wiredFrom = (node: TGraphNode, port: string) => spec.edges.filter((edge) => edge.source.node === node.id && edge.source.port === port).map((edge) => byId.get(edge.target.node)!);
  const wiredInto = (node: TGraphNode, port: string) => spec.edges.filter((edge) => edge.target.node === node.id && edge.target.port === port).map((edge) => byId.get(edge.source.node)!);
  const agentIdOf = (node: TGraphNode | undefined) => (node?.type === OPENCLAW_CONFIG_TYPES.agent ? String(node.config.agentId) : undefined);

  const gateway = ofType(OPENCLAW_CONFIG_TYPES.gateway)[0];
  const config = structuredClone(record(gateway?.config.rest));
  const recorded = new Set((gateway?.config.collections as TConfigCollection[] | undefined) ?? []);
  const needs = (collection: TConfigCollection, nodes: unknown[]) => recorded.has(collection) || nodes.length > 0;

  const channels = ofType(OPENCLAW_CONFIG_TYPES.channel);
  if (needs("channels", channels)) config.channels = Object.fromEntries(channels.map((node) => [String(node.config.channel), structuredClone(node.config.settings)]));

  const defaults = ofType(OPENCLAW_CONFIG_TYPES.agentDefaults)[0];
  if (defaults) containerAt(config, ["agents"]).defaults = structuredClone(defaults.config.defaults);
  const agents = ofType(OPENCLAW_CONFIG_TYPES.agent).map((node) => ({ node, entry: withDelegation(node, wiredFrom(node, "subagents").map(agentIdOf), spec) }));
  const inEntries = agents.filter((agent) => agent.node.config.form !== "list");
  const inList = agents.filter((agent) => agent.node.config.form === "list");
  if (needs("agents.entries", inEntries)) containerAt(config, ["agents"]).entries = Object.fromEntries(inEntries.map((agent) => [String(agent.node.config.agentId), agent.entry]));
  if (needs("agents.list", inList)) containerAt(config, ["agents"]).list = inList.map((agent) => agent.entry);

  const bindings = ofType(OPENCLAW_CONFIG_TYPES.binding);
  if (needs("bindings", bindings)) {
    config.bindings = bindings.map((node) => {
      const binding = structuredClone(node.config.binding);
      if (!isPlainObject(binding)) return binding;
      const agentId = agentIdOf(wiredFrom(node, "agent")[0]);
      if (agentId !== undefined) binding.agentId = agentId;
      const channel = wiredInto(node, "in").find((source) => source?.type === OPENCLAW_CONFIG_TYPES.channel);
      if (channel) binding.match = { ...record(binding.match), channel: String(channel.config.channel) };
      return binding;
    });
  }

  const hooks = ofType(OPENCLAW_CONFIG_TYPES.hook);
  if (needs("hooks.mappings", hooks)) {
    containerAt(config, ["hooks"]).mappings = hooks.map((node) => {
      const mapping = structuredClone(node.config.mapping);
      const agentId = agentIdOf(wiredFrom(node, "agent")[0]);
      if (isPlainObject(mapping) && agentId !== undefined) mapping.agentId = agentId;
      return mapping;
    });
  }

  const servers = ofType(OPENCLAW_CONFIG_TYPES.mcpServer);
  if (needs("mcp.servers", servers)) containerAt(config, ["mcp"]).servers = Object.fromEntries(servers.map((node) => [String(node.config.name), structuredClone(node.config.server)]));
  const plugins = ofType(OPENCLAW_CONFIG_TYPES.plugin);
  if (needs("plugins.entries", plugins)) containerAt(config, ["plugins"]).entries = Object.fromEntries(plugins.map((node) => [String(node.config.pluginId), structuredClone(node.config.entry)]));
  const tools = ofType(OPENCLAW_CONFIG_TYPES.toolPolicy)[0];
  if (tools) config.tools = structuredClone(tools.config.tools);

  const files = ofType(OPENCLAW_CONFIG_TYPES.workspaceFile).map((node) => ({ path: String(node.config.path), content: String(node.config.content) }));
  return { config: inKeyOrder(config, (gateway?.config.keyOrder as string[] | undefined) ?? []), files };
}

/** The entry with `subagents.allowAgents` following the edges, unchanged when the edges say what it already says. */
function withDelegation(node: TGraphNode, wiredTo: (string | undefined)[], spec: TGraphSpec): unknown {
  const entry = structuredClone(node.config.entry);
  const targets = wiredTo.filter((id): id is string => id !== undefined);
  const graphAgents = new Set(spec.nodes.filter((other) => other.type === OPENCLAW_CONFIG_TYPES.agent).map((other) => String(other.config.agentId)));
  const written = readAllowAgents(entry).filter((id) => graphAgents.has(id));
  if (new Set(targets).size === new Set(written).size && targets.every((id) => written.includes(id))) return entry;
  if (!isPlainObject(entry)) return entry;
  const subagents = record(entry.subagents);
  const kept = Array.isArray(subagents.allowAgents) ? subagents.allowAgents.filter((id) => typeof id !== "string" || id === "*" || !graphAgents.has(id)) : [];
  entry.subagents = { ...subagents, allowAgents: [...kept, ...new Set(targets)] };
  return entry;
}

function inKeyOrder(config: Record<string, unknown>, keyOrder: string[]): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const key of keyOrder) if (key in config) ordered[key] = config[key];
  for (const key of Object.keys(config)) if (!(key in ordered)) ordered[key] = config[key];
  return ordered;
}
