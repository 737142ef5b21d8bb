import type { TNodeTypeDefinition } from "@/lib/graph";

export const MCP_TOOLS_NODE_TYPE = "core/mcp-tools";

export const MCP_TOOLS_NODE_DEFINITION: TNodeTypeDefinition = {
  type: MCP_TOOLS_NODE_TYPE,
  version: 1,
  title: "MCP Tools",
  category: "tool",
  icon: "plug",
  description: "Offers an Agent the approved tools of an MCP server: an admin-approved command, or a URL on the allowlist.",
  inputs: [],
  outputs: [{ id: "tools", kind: "tool" }],
  configSchema: {
    type: "object",
    required: ["transport"],
    properties: {
      transport: { type: "string", title: "Transport", enum: ["stdio", "http"], default: "stdio", description: "stdio: a command approved in Settings; http: a streamable HTTP endpoint" },
      commandId: { type: "string", title: "Command", maxLength: 64, description: "The approved command to start (stdio)" },
      url: { type: "string", title: "URL", maxLength: 2_000, description: "Streamable HTTP endpoint (http); its host must be on the outbound allowlist" },
      pinnedTools: {
        type: "object",
        title: "Approved tools",
        maxProperties: 500,
        description: "Approved tools: name -> sha256 of the definition that was approved. A tool whose definition changed is not offered.",
        additionalProperties: { type: "string", pattern: "^[0-9a-f]{64}$" },
      },
    },
  },
  // The MCP section of the inspector (components/editor/inspector-extras) edits all of these: it picks the command from
  // the approved list and clears the approvals when the server changes, which a generated form could not do.
  uiHints: { transport: { widget: "hidden" }, commandId: { widget: "hidden" }, url: { widget: "hidden" }, pinnedTools: { widget: "hidden" } },
  sideEffects: "effectful",
};
