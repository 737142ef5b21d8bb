import type { TMcpToolInfo } from "./list-mcp-tools";

export type TApprovedTools = {
  /** Pinned and unchanged: the only tools an agent is offered. */
  approved: TMcpToolInfo[];
  /** Pinned, but the server's definition no longer has the approved hash. */
  changed: string[];
  /** Pinned, but the server does not offer it anymore. */
  missing: string[];
};

/** Which of the server's tools may be offered, given the approvals in the node's `pinnedTools`. */
export function selectApprovedTools(tools: readonly TMcpToolInfo[], pinned: Readonly<Record<string, string>>): TApprovedTools {
  const approved = tools.filter((tool) => Object.hasOwn(pinned, tool.name) && pinned[tool.name] === tool.hash);
  const changed = tools.filter((tool) => Object.hasOwn(pinned, tool.name) && pinned[tool.name] !== tool.hash).map((tool) => tool.name);
  const offered = new Set(tools.map((tool) => tool.name));
  const missing = Object.keys(pinned).filter((name) => !offered.has(name));
  return { approved, changed, missing };
}
