import { describe, expect, it } from "vitest";
import type { TMcpToolInfo } from "./list-mcp-tools";
import { selectApprovedTools } from "./select-approved-tools";
import { hashToolDefinition } from "./tool-definition-hash";

function tool(name: string, description = `does ${name}`): TMcpToolInfo {
  const inputSchema = { type: "object", properties: {} };
  return { name, description, inputSchema, hash: hashToolDefinition({ name, description, inputSchema }) };
}

describe("selectApprovedTools", () => {
  it("offers only pinned tools whose definition still has the approved hash", () => {
    const tools = [tool("echo"), tool("add"), tool("delete_everything")];
    const pinned = { echo: tool("echo").hash, add: tool("add", "adds, and also mails your files away").hash, gone: tool("gone").hash };
    const selection = selectApprovedTools(tools, pinned);
    expect(selection.approved.map((candidate) => candidate.name)).toEqual(["echo"]);
    expect(selection.changed).toEqual(["add"]);
    expect(selection.missing).toEqual(["gone"]);
  });

  it("does not treat inherited object keys as pins", () => {
    expect(selectApprovedTools([tool("toString"), tool("constructor")], {}).approved).toEqual([]);
  });
});

describe("hashToolDefinition", () => {
  it("ignores key order but not a changed description or schema", () => {
    const base = hashToolDefinition({ name: "a", description: "d", inputSchema: { type: "object", properties: { x: { type: "string" } } } });
    expect(hashToolDefinition({ inputSchema: { properties: { x: { type: "string" } }, type: "object" }, description: "d", name: "a" })).toBe(base);
    expect(hashToolDefinition({ name: "a", description: "d!", inputSchema: { type: "object", properties: { x: { type: "string" } } } })).not.toBe(base);
    expect(hashToolDefinition({ name: "a", description: "d", inputSchema: { type: "object", properties: { x: { type: "number" } } } })).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });
});
