// What an MCP tool result becomes for the agent: structured content as is, text blocks as text; anything else (an
// image, a resource) is named, not inlined, so a tool cannot push megabytes of base64 into the model's context.

type TContentBlock = { type: string; text?: unknown; mimeType?: unknown; uri?: unknown; resource?: { uri?: unknown; text?: unknown } };
export type TMcpCallResult = { content?: unknown; structuredContent?: unknown; isError?: unknown; toolResult?: unknown };

export class McpToolError extends Error {
  override name = "McpToolError";
}

export function toToolOutput(toolName: string, result: TMcpCallResult): unknown {
  const blocks = Array.isArray(result.content) ? (result.content as TContentBlock[]) : [];
  const text = blocks.map(describeBlock).filter((part) => part !== "").join("\n");
  if (result.isError === true) throw new McpToolError(text || `The MCP tool ${toolName} failed without saying why`);
  if (result.structuredContent !== undefined && result.structuredContent !== null) return result.structuredContent;
  // A server on the protocol's first version answers `toolResult` instead of content blocks.
  if (blocks.length === 0 && result.toolResult !== undefined) return result.toolResult;
  return text;
}

function describeBlock(block: TContentBlock): string {
  switch (block.type) {
    case "text":
      return typeof block.text === "string" ? block.text : "";
    case "resource":
      return typeof block.resource?.text === "string" ? block.resource.text : `[resource ${String(block.resource?.uri ?? "")}]`;
    case "resource_link":
      return `[resource link ${String(block.uri ?? "")}]`;
    default:
      return `[${block.type}${typeof block.mimeType === "string" ? ` ${block.mimeType}` : ""}]`;
  }
}
