import { KNOWN_AGENT_KEYS, KNOWN_AGENTS_KEYS, KNOWN_BINDING_KEYS, KNOWN_HOOK_MAPPING_KEYS, KNOWN_MCP_SERVER_KEYS, KNOWN_TOP_LEVEL_KEYS } from "./known-keys";
import { isPlainObject } from "./merge-deep";

/** Dotted paths of the keys a config has that OpenClaw's reference does not document at the levels the import reads. */
export function listUnknownKeys(config: Record<string, unknown>): string[] {
  const unknown: string[] = [];
  const check = (value: unknown, known: Set<string>, prefix: string) => {
    if (!isPlainObject(value)) return;
    for (const key of Object.keys(value)) if (!known.has(key)) unknown.push(`${prefix}${key}`);
  };
  check(config, KNOWN_TOP_LEVEL_KEYS, "");
  const agents = config.agents;
  if (isPlainObject(agents)) {
    check(agents, KNOWN_AGENTS_KEYS, "agents.");
    if (isPlainObject(agents.entries)) for (const [id, entry] of Object.entries(agents.entries)) check(entry, KNOWN_AGENT_KEYS, `agents.entries.${id}.`);
    if (Array.isArray(agents.list)) agents.list.forEach((entry, index) => check(entry, KNOWN_AGENT_KEYS, `agents.list.${index}.`));
  }
  if (Array.isArray(config.bindings)) config.bindings.forEach((binding, index) => check(binding, KNOWN_BINDING_KEYS, `bindings.${index}.`));
  const hooks = config.hooks;
  if (isPlainObject(hooks) && Array.isArray(hooks.mappings)) hooks.mappings.forEach((mapping, index) => check(mapping, KNOWN_HOOK_MAPPING_KEYS, `hooks.mappings.${index}.`));
  const mcp = config.mcp;
  if (isPlainObject(mcp) && isPlainObject(mcp.servers)) for (const [name, server] of Object.entries(mcp.servers)) check(server, KNOWN_MCP_SERVER_KEYS, `mcp.servers.${name}.`);
  return unknown;
}
