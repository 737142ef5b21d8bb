import { describe, expect, it } from "vitest";
import { createNodeTypeRegistry, GRAPH_FORMAT, type TGraphSpec } from "@/lib/graph";
import { ALL_CORE_NODE_DEFINITIONS } from "@/server/plugins/builtin/core-node-definitions";
import { checkConnection } from "./check-connection";

const registry = createNodeTypeRegistry([
  ...ALL_CORE_NODE_DEFINITIONS,
  { type: "t/needs-number", version: 1, title: "n", category: "test", icon: "x", description: "", inputs: [{ id: "in", kind: "data", schema: { type: "number" } }], outputs: [], configSchema: {}, sideEffects: "pure" },
  { type: "t/tool", version: 1, title: "tool", category: "tool", icon: "x", description: "", inputs: [], outputs: [{ id: "tool", kind: "tool" }], configSchema: {}, sideEffects: "pure" },
]);

const spec: TGraphSpec = {
  format: GRAPH_FORMAT,
  nodes: [
    { id: "tpl", type: "core/template", typeVersion: 1, label: "Prompt", position: { x: 0, y: 0 }, config: { template: "x" } },
    { id: "num", type: "t/needs-number", typeVersion: 1, label: "Count", position: { x: 0, y: 0 }, config: {} },
    { id: "out", type: "core/output", typeVersion: 1, label: "", position: { x: 0, y: 0 }, config: {} },
    { id: "tool", type: "t/tool", typeVersion: 1, label: "Search", position: { x: 0, y: 0 }, config: {} },
  ],
  edges: [],
  settings: {},
};

describe("checkConnection", () => {
  it("accepts compatible data ports", () => {
    expect(checkConnection(spec, registry, { source: "tpl", sourceHandle: "out", target: "out", targetHandle: "in" })).toEqual({ ok: true });
  });

  it("refuses a string into a number with the reason", () => {
    expect(checkConnection(spec, registry, { source: "tpl", sourceHandle: "out", target: "num", targetHandle: "in" })).toEqual({ ok: false, reason: '"Prompt" out gives string; "Count" in needs number' });
  });

  it("refuses a tool port into a data port, a self loop, and a second edge into a single input", () => {
    expect(checkConnection(spec, registry, { source: "tool", sourceHandle: "tool", target: "out", targetHandle: "in" })).toMatchObject({ ok: false, reason: expect.stringContaining("is a tool port") });
    expect(checkConnection(spec, registry, { source: "tpl", sourceHandle: "out", target: "tpl", targetHandle: "in" })).toMatchObject({ ok: false });
    const connected = { ...spec, edges: [{ id: "e", source: { node: "tpl", port: "out" }, target: { node: "out", port: "in" } }] };
    expect(checkConnection(connected, registry, { source: "tpl", sourceHandle: "out", target: "out", targetHandle: "in" })).toMatchObject({ ok: false });
  });
});
