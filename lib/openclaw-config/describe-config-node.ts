// What an imported node shows under its card: the settings an OpenClaw user looks for first. Read from the node's own
// fragment; an agent that sets no model or skills inherits them from Agent defaults, and says so.
import type { TGraphNode } from "@/lib/graph";
import { OPENCLAW_CONFIG_TYPES } from "./config-node-types";
import { KNOWN_AGENT_KEYS, KNOWN_BINDING_KEYS, KNOWN_HOOK_MAPPING_KEYS, KNOWN_MCP_SERVER_KEYS, KNOWN_TOP_LEVEL_KEYS } from "./known-keys";
import { isPlainObject } from "./merge-deep";

const list = (value: unknown) => (Array.isArray(value) ? (value.length > 0 ? value.map(String).join(", ") : "none") : undefined);
const text = (value: unknown) => (typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : undefined);
const unknownOf = (value: unknown, known: Set<string>) => (isPlainObject(value) ? Object.keys(value).filter((key) => !known.has(key)) : []);
const unknownLine = (value: unknown, known: Set<string>) => {
  const unknown = unknownOf(value, known);
  return unknown.length > 0 ? [`unknown keys: ${unknown.join(", ")}`] : [];
};

function describeModel(model: unknown): string[] {
  if (typeof model === "string") return [`model ${model}`];
  if (!isPlainObject(model)) return ["model from defaults"];
  const fallbacks = list(model.fallbacks);
  return [`model ${text(model.primary) ?? "?"}`, ...(fallbacks ? [`fallbacks ${fallbacks}`] : [])];
}

function describeAgent(entry: Record<string, unknown>): string[] {
  const identity = isPlainObject(entry.identity) ? entry.identity : {};
  const tools = isPlainObject(entry.tools) ? entry.tools : undefined;
  const sandbox = isPlainObject(entry.sandbox) ? text(entry.sandbox.mode) : undefined;
  return [
    ...(text(identity.theme) ? [`identity: ${text(identity.theme)}`] : []),
    ...describeModel(entry.model),
    `skills ${list(entry.skills) ?? "from defaults"}`,
    ...(tools ? [[tools.profile && `profile ${text(tools.profile)}`, list(tools.allow) && `allow ${list(tools.allow)}`, list(tools.deny) && `deny ${list(tools.deny)}`].filter(Boolean).join(" · ") || "tools: own policy"] : []),
    `sandbox ${sandbox ?? "from defaults"}`,
    ...unknownLine(entry, KNOWN_AGENT_KEYS),
  ];
}

/** Lines to show for an openclaw-config node; empty for any other node. */
export function describeConfigNode(node: Pick<TGraphNode, "type" | "config">): string[] {
  const config = node.config;
  switch (node.type) {
    case OPENCLAW_CONFIG_TYPES.agent:
      return describeAgent(isPlainObject(config.entry) ? config.entry : {});
    case OPENCLAW_CONFIG_TYPES.agentDefaults: {
      const defaults = isPlainObject(config.defaults) ? config.defaults : {};
      return [...describeModel(defaults.model), `skills ${list(defaults.skills) ?? "all"}`, `sandbox ${isPlainObject(defaults.sandbox) ? (text(defaults.sandbox.mode) ?? "?") : "off"}`];
    }
    case OPENCLAW_CONFIG_TYPES.binding: {
      const binding = isPlainObject(config.binding) ? config.binding : {};
      const session = isPlainObject(binding.session) ? [`session ${Object.entries(binding.session).map(([key, value]) => `${key} ${text(value)}`).join(", ")}`] : [];
      return [`agent ${text(binding.agentId) ?? "?"}`, ...session, ...unknownLine(binding, KNOWN_BINDING_KEYS)];
    }
    case OPENCLAW_CONFIG_TYPES.hook: {
      const mapping = isPlainObject(config.mapping) ? config.mapping : {};
      const path = isPlainObject(mapping.match) && text(mapping.match.path) ? [`path /${text(mapping.match.path)}`] : [];
      return [`action ${text(mapping.action) ?? "agent"}`, ...path, ...unknownLine(mapping, KNOWN_HOOK_MAPPING_KEYS)];
    }
    case OPENCLAW_CONFIG_TYPES.mcpServer: {
      const server = isPlainObject(config.server) ? config.server : {};
      return [text(server.url) ?? [text(server.command), list(server.args)].filter(Boolean).join(" "), ...unknownLine(server, KNOWN_MCP_SERVER_KEYS)];
    }
    case OPENCLAW_CONFIG_TYPES.gateway:
      return [`sections: ${isPlainObject(config.rest) ? Object.keys(config.rest).join(", ") : ""}`, ...unknownLine(config.rest, KNOWN_TOP_LEVEL_KEYS)];
    case OPENCLAW_CONFIG_TYPES.workspaceFile:
      return [`${typeof config.content === "string" ? config.content.split("\n").length : 0} lines`];
    default:
      return [];
  }
}
