import { describe, expect, it } from "vitest";
import { McpToolError, toToolOutput } from "./to-tool-output";

describe("toToolOutput", () => {
  it("gives the text of text blocks, and names images instead of inlining them", () => {
    const result = { content: [{ type: "text", text: "first" }, { type: "image", data: "AAAA".repeat(10_000), mimeType: "image/png" }, { type: "text", text: "second" }] };
    expect(toToolOutput("t", result)).toBe("first\n[image image/png]\nsecond");
  });

  it("prefers structured content", () => {
    expect(toToolOutput("t", { content: [{ type: "text", text: "{\"a\":1}" }], structuredContent: { a: 1 } })).toEqual({ a: 1 });
  });

  it("turns an isError result into an error carrying the server's text", () => {
    expect(() => toToolOutput("t", { isError: true, content: [{ type: "text", text: "disk full" }] })).toThrow(new McpToolError("disk full"));
    expect(() => toToolOutput("t", { isError: true, content: [] })).toThrow("The MCP tool t failed without saying why");
  });
});
