import { createHash } from "node:crypto";
import { toCanonicalJson } from "@/lib/graph";

export type TMcpToolDefinition = { name: string; description?: string; inputSchema?: unknown };

/**
 * What an approval pins: sha256 of the canonical JSON of name, description and input schema. A server that rewrites a
 * tool's description (the text a model obeys) or widens its arguments gets a different hash, so the tool goes dark
 * until someone approves the new definition.
 */
export function hashToolDefinition(tool: TMcpToolDefinition): string {
  const definition = { name: tool.name, description: tool.description ?? "", inputSchema: tool.inputSchema ?? {} };
  return createHash("sha256").update(toCanonicalJson(definition)).digest("hex");
}
