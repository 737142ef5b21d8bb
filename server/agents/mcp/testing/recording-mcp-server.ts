// A minimal MCP server over streamable HTTP (stateless: a fresh server per request), in process on 127.0.0.1, that
// offers one tool, `record`, and keeps the `_meta` of every call it receives: what the reference server cannot show.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";

export const RECORD_TOOL = { name: "record", description: "Records the call", inputSchema: { type: "object" as const, properties: { note: { type: "string" } } } };

export async function startRecordingMcpServer() {
  const calls: { arguments: unknown; meta: Record<string, unknown> | undefined }[] = [];
  const http = createServer((req, res) => {
    const server = new Server({ name: "recording", version: "1.0.0" }, { capabilities: { tools: {} } });
    server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: [RECORD_TOOL] }));
    server.setRequestHandler(CallToolRequestSchema, (request) => {
      calls.push({ arguments: request.params.arguments, meta: request.params._meta });
      return { content: [{ type: "text", text: `recorded ${calls.length}` }] };
    });
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on("close", () => void transport.close().then(() => server.close()));
    void server.connect(transport).then(() => transport.handleRequest(req, res));
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const host = `127.0.0.1:${(http.address() as AddressInfo).port}`;
  return {
    url: `http://${host}/mcp`,
    host,
    calls,
    stop: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
}
