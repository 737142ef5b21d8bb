import { describe, expect, it } from "vitest";
import { findEntryNodes } from "./entry-nodes";
import { createNodeTypeRegistry } from "./node-type";
import { GRAPH_FORMAT, type TGraphSpec } from "./spec";

const COMMON = { version: 1, icon: "box", description: "", sideEffects: "pure", configSchema: { type: "object" } } as const;
const registry = createNodeTypeRegistry([
  { ...COMMON, type: "t/input", title: "Input", category: "io", inputs: [], outputs: [{ id: "out", kind: "data" }] },
  { ...COMMON, type: "t/output", title: "Output", category: "io", inputs: [{ id: "in", kind: "data" }], outputs: [] },
  { ...COMMON, type: "t/hook", title: "Webhook", category: "trigger", inputs: [], outputs: [{ id: "out", kind: "data" }] },
  { ...COMMON, type: "t/model", title: "Model", category: "ai", inputs: [], outputs: [{ id: "model", kind: "model" }] },
]);

const node = (id: string, type: string, disabled?: boolean) => ({ id, type, typeVersion: 1, label: "", position: { x: 0, y: 0 }, config: {}, ...(disabled ? { disabled } : {}) });

describe("findEntryNodes", () => {
  it("lists enabled Input and trigger nodes, not Outputs, other source nodes or unknown types", () => {
    const spec: TGraphSpec = {
      format: GRAPH_FORMAT,
      nodes: [node("in", "t/input"), node("out", "t/output"), node("hook", "t/hook"), node("off", "t/hook", true), node("model", "t/model"), node("gone", "t/missing")],
      edges: [],
      settings: {},
    };
    expect(findEntryNodes(spec, registry).map((entry) => entry.id)).toEqual(["in", "hook"]);
  });
});
