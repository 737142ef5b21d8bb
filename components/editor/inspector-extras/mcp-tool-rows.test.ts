import { describe, expect, it } from "vitest";
import { setPinned, toMcpToolRows } from "./mcp-tool-rows";

const tools = [
  { name: "echo", description: "Echoes", hash: "a".repeat(64) },
  { name: "get-sum", description: "Adds", hash: "b".repeat(64) },
  { name: "get-env", description: "Env", hash: "c".repeat(64) },
];

describe("toMcpToolRows", () => {
  it("marks each tool approved, changed or new against the pins, and lists pins the server dropped", () => {
    const rows = toMcpToolRows(tools, { echo: "a".repeat(64), "get-sum": "0".repeat(64), gone: "d".repeat(64) });
    expect(rows.map((row) => [row.name, row.status])).toEqual([["echo", "approved"], ["get-sum", "changed"], ["get-env", "new"], ["gone", "missing"]]);
  });
});

describe("setPinned", () => {
  it("re-approves a changed tool with its current hash, and unchecking removes the pin", () => {
    const [, changed] = toMcpToolRows(tools, { "get-sum": "0".repeat(64) });
    expect(setPinned({ "get-sum": "0".repeat(64) }, changed!, true)).toEqual({ "get-sum": "b".repeat(64) });
    expect(setPinned({ "get-sum": "0".repeat(64), echo: "a".repeat(64) }, changed!, false)).toEqual({ echo: "a".repeat(64) });
  });
});
