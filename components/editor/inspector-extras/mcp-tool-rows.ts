/** A tool as the MCP section of the inspector lists it, next to the node's approvals (`pinnedTools`). */
export type TMcpToolRow = {
  name: string;
  description: string;
  /** The current definition's hash; absent for a pinned tool the server no longer offers. */
  hash?: string;
  /** approved: pinned with this hash; changed: pinned with another hash (disabled at run time); new: not pinned. */
  status: "approved" | "changed" | "new" | "missing";
};

export function toMcpToolRows(tools: readonly { name: string; description: string; hash: string }[], pinned: Readonly<Record<string, string>>): TMcpToolRow[] {
  const rows: TMcpToolRow[] = tools.map((tool) => ({
    name: tool.name,
    description: tool.description,
    hash: tool.hash,
    status: !Object.hasOwn(pinned, tool.name) ? "new" : pinned[tool.name] === tool.hash ? "approved" : "changed",
  }));
  const listed = new Set(tools.map((tool) => tool.name));
  for (const name of Object.keys(pinned)) if (!listed.has(name)) rows.push({ name, description: "", status: "missing" });
  return rows;
}

/** Checking a row pins the definition shown (re-approving a changed tool); unchecking removes the approval. */
export function setPinned(pinned: Readonly<Record<string, string>>, row: TMcpToolRow, isApproved: boolean): Record<string, string> {
  const next = { ...pinned };
  if (isApproved && row.hash) next[row.name] = row.hash;
  else delete next[row.name];
  return next;
}
