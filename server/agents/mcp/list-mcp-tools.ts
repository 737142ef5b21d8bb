import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { TJsonSchema } from "@/lib/graph";
import { MCP_REQUEST_TIMEOUT_MS } from "./connect-mcp-server";
import { hashToolDefinition } from "./tool-definition-hash";

/** A tool as the server defines it right now, with the hash an approval pins. */
export type TMcpToolInfo = { name: string; description: string; inputSchema: TJsonSchema; hash: string };

/** Enough for any real server; a server that pages forever is cut here rather than holding the step. */
const MAX_PAGES = 20;

export async function listMcpTools(client: Client, signal: AbortSignal): Promise<TMcpToolInfo[]> {
  const tools: TMcpToolInfo[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await client.listTools(cursor ? { cursor } : undefined, { signal, timeout: MCP_REQUEST_TIMEOUT_MS });
    for (const tool of result.tools) {
      const description = tool.description ?? "";
      const inputSchema = tool.inputSchema as TJsonSchema;
      tools.push({ name: tool.name, description, inputSchema, hash: hashToolDefinition({ name: tool.name, description, inputSchema }) });
    }
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return tools;
}
