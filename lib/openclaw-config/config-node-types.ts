// Node types of an imported openclaw.json. They describe an OpenClaw gateway's setup (the gateway runs it, not the
// studio): drawn, edited and exported, never run. Each node's config holds its fragment of the file exactly as written.
import type { TNodeTypeDefinition, TPortDefinition } from "@/lib/graph";

export const OPENCLAW_CONFIG_PLUGIN = "openclaw-config";

export const OPENCLAW_CONFIG_TYPES = {
  gateway: `${OPENCLAW_CONFIG_PLUGIN}/gateway`,
  agentDefaults: `${OPENCLAW_CONFIG_PLUGIN}/agent-defaults`,
  agent: `${OPENCLAW_CONFIG_PLUGIN}/agent`,
  channel: `${OPENCLAW_CONFIG_PLUGIN}/channel`,
  binding: `${OPENCLAW_CONFIG_PLUGIN}/binding`,
  hook: `${OPENCLAW_CONFIG_PLUGIN}/hook`,
  mcpServer: `${OPENCLAW_CONFIG_PLUGIN}/mcp-server`,
  plugin: `${OPENCLAW_CONFIG_PLUGIN}/plugin`,
  toolPolicy: `${OPENCLAW_CONFIG_PLUGIN}/tool-policy`,
  workspaceFile: `${OPENCLAW_CONFIG_PLUGIN}/workspace-file`,
} as const;

export function isOpenClawConfigType(type: string): boolean {
  return type.startsWith(`${OPENCLAW_CONFIG_PLUGIN}/`);
}

const messages = (id: string, label: string, extra: Partial<TPortDefinition> = {}): TPortDefinition => ({ id, label, kind: "data", ...extra });
const optionalIn = { isRequired: false, acceptsMany: true };
const objectWith = (required: string[], properties: Record<string, unknown>) => ({ type: "object", required, properties });
const anyObject = { type: "object" };

function describeType(key: keyof typeof OPENCLAW_CONFIG_TYPES, fields: Omit<TNodeTypeDefinition, "type" | "version" | "sideEffects">): TNodeTypeDefinition {
  return { type: OPENCLAW_CONFIG_TYPES[key], version: 1, sideEffects: "effectful", ...fields };
}

export const OPENCLAW_CONFIG_NODE_TYPES: TNodeTypeDefinition[] = [
  describeType("gateway", {
    title: "Gateway settings", category: "data", icon: "braces", description: "Everything of openclaw.json the other nodes do not hold (gateway, session, messages, cron ...), kept as written",
    inputs: [], outputs: [], configSchema: objectWith(["rest"], { rest: anyObject, collections: { type: "array", items: { type: "string" } }, keyOrder: { type: "array", items: { type: "string" } } }),
  }),
  describeType("agentDefaults", {
    title: "Agent defaults", category: "ai", icon: "bot", description: "agents.defaults: what every agent inherits (model, skills, sandbox ...)",
    inputs: [], outputs: [], configSchema: objectWith(["defaults"], { defaults: {} }),
  }),
  describeType("agent", {
    title: "OpenClaw agent", category: "ai", icon: "bot", description: "An agent of agents.entries (or the legacy agents.list)",
    inputs: [messages("in", "messages", optionalIn), { id: "spawn", label: "spawned by", kind: "tool", ...optionalIn }],
    outputs: [{ id: "subagents", label: "may spawn", kind: "tool" }],
    configSchema: objectWith(["agentId", "entry"], { agentId: { type: "string", minLength: 1 }, entry: {} }),
  }),
  describeType("channel", {
    title: "Channel", category: "io", icon: "log-in", description: "A channel of channels.* (WhatsApp, Telegram, Slack ...)",
    inputs: [], outputs: [messages("out", "messages")], configSchema: objectWith(["channel", "settings"], { channel: { type: "string", minLength: 1 }, settings: {} }),
  }),
  describeType("binding", {
    title: "Binding", category: "flow", icon: "shuffle", description: "A bindings[] entry: routes a channel, account, peer, guild or team to an agent",
    inputs: [messages("in", "channel", optionalIn)], outputs: [messages("agent", "routes to")], configSchema: objectWith(["binding"], { binding: {} }),
  }),
  describeType("hook", {
    title: "Webhook mapping", category: "trigger", icon: "webhook", description: "A hooks.mappings[] entry: a webhook that wakes an agent",
    inputs: [], outputs: [messages("agent", "wakes")], configSchema: objectWith(["mapping"], { mapping: {} }),
  }),
  describeType("mcpServer", {
    title: "MCP server", category: "tool", icon: "plug", description: "An MCP server of mcp.servers.* (stdio command or URL)",
    inputs: [], outputs: [], configSchema: objectWith(["name", "server"], { name: { type: "string", minLength: 1 }, server: {} }),
  }),
  describeType("plugin", {
    title: "Plugin entry", category: "tool", icon: "puzzle", description: "A plugins.entries.* setting of an OpenClaw plugin",
    inputs: [], outputs: [], configSchema: objectWith(["pluginId", "entry"], { pluginId: { type: "string", minLength: 1 }, entry: {} }),
  }),
  describeType("toolPolicy", {
    title: "Tool policy", category: "tool", icon: "wrench", description: "tools: the gateway-wide tool allow and deny lists and tool settings",
    inputs: [], outputs: [], configSchema: objectWith(["tools"], { tools: {} }),
  }),
  describeType("workspaceFile", {
    title: "Workspace file", category: "data", icon: "book-open", description: "A workspace file (AGENTS.md, SOUL.md, IDENTITY.md, TOOLS.md ...)",
    inputs: [], outputs: [], configSchema: objectWith(["path", "content"], { path: { type: "string", minLength: 1 }, content: { type: "string" } }),
  }),
];
