// Test support, not exported from index.ts: a small registry with every port kind and a Loop that closes cycles,
// plus a terse graph builder so rule tests read like the graphs they check.
import { createNodeTypeRegistry, type TNodeTypeDefinition } from "./node-type";
import { GRAPH_FORMAT, type TGraphSpec } from "./spec";

const COMMON = { version: 1, icon: "box", description: "Test node", sideEffects: "pure", configSchema: { type: "object" } } as const;

export const TEST_NODE_TYPES: TNodeTypeDefinition[] = [
  { ...COMMON, type: "test/input", title: "Input", category: "io", inputs: [], outputs: [{ id: "out", kind: "data", schema: { type: "object" } }] },
  {
    ...COMMON,
    type: "test/template",
    title: "Text template",
    category: "data",
    inputs: [{ id: "in", kind: "data" }],
    outputs: [{ id: "out", kind: "data", schema: { type: "string" } }],
    configSchema: { type: "object", properties: { template: { type: "string", minLength: 1 } }, required: ["template"] },
  },
  {
    ...COMMON,
    type: "test/summarise",
    title: "Summarise",
    category: "ai",
    inputs: [{ id: "text", kind: "data", schema: { type: "string" } }],
    outputs: [{ id: "out", kind: "data", schema: { type: "string" } }],
  },
  {
    ...COMMON,
    type: "test/loop",
    title: "Loop",
    category: "flow",
    cycleInputs: ["continue"],
    // `continue` carries the next iteration; the first activation comes through `in` alone.
    inputs: [{ id: "in", kind: "data" }, { id: "continue", kind: "data", isRequired: false }],
    outputs: [{ id: "item", kind: "data" }, { id: "done", kind: "data" }],
  },
  {
    ...COMMON,
    type: "test/agent",
    title: "Agent",
    category: "ai",
    sideEffects: "effectful",
    inputs: [
      { id: "in", kind: "data" },
      { id: "tools", kind: "tool", acceptsMany: true },
      { id: "model", kind: "model", isRequired: true },
    ],
    outputs: [{ id: "out", kind: "data", schema: { type: "string" } }],
  },
  {
    ...COMMON,
    type: "test/http-tool",
    title: "HTTP tool",
    category: "tool",
    sideEffects: "effectful",
    inputs: [],
    outputs: [{ id: "tool", kind: "tool" }],
    configSchema: {
      type: "object",
      properties: { url: { type: "string" }, method: { enum: ["GET", "POST"] }, headers: { type: "array", items: { type: "object", required: ["name"] } } },
      required: ["url"],
      additionalProperties: false,
    },
  },
  { ...COMMON, type: "test/model", title: "Model", category: "ai", sideEffects: "effectful", inputs: [], outputs: [{ id: "model", kind: "model" }] },
  { ...COMMON, type: "test/output", title: "Output", category: "io", inputs: [{ id: "in", kind: "data" }], outputs: [] },
];

export const testRegistry = createNodeTypeRegistry(TEST_NODE_TYPES);

/** `[id, type, label?, config?]`; a type without a plugin prefix gets `test/`. */
export type TTestNode = [id: string, type: string, label?: string, config?: Record<string, unknown>];

/** Builds a graph from nodes and `"a.out -> b.in"` edges; edges get ids e1, e2, ... in order. */
export function buildTestGraph(nodes: TTestNode[], edges: string[] = []): TGraphSpec {
  return {
    format: GRAPH_FORMAT,
    nodes: nodes.map(([id, type, label = "", config = {}], index) => ({
      id,
      type: type.includes("/") ? type : `test/${type}`,
      typeVersion: 1,
      label,
      position: { x: index * 200, y: 0 },
      config,
    })),
    edges: edges.map((text, index) => {
      const [source = "", target = ""] = text.split("->").map((end) => end.trim());
      const [sourceNode = "", sourcePort = ""] = source.split(".");
      const [targetNode = "", targetPort = ""] = target.split(".");
      return { id: `e${index + 1}`, source: { node: sourceNode, port: sourcePort }, target: { node: targetNode, port: targetPort } };
    }),
    settings: {},
  };
}

/** A graph that passes every rule: input -> prompt -> summarise -> agent (with a tool and a model) -> output. */
export function buildValidTestGraph(): TGraphSpec {
  return buildTestGraph(
    [
      ["input", "input", "Input"],
      ["prompt", "template", "Prompt", { template: "Summarise {{page}}" }],
      ["sum", "summarise", "Summarise"],
      ["http", "http-tool", "Fetch page", { url: "https://example.com" }],
      ["search", "http-tool", "", { url: "https://example.com/search", method: "POST" }],
      ["gpt", "model", "GPT"],
      ["agent", "agent", "Agent"],
      ["output", "output", "Output"],
    ],
    [
      "input.out -> prompt.in",
      "prompt.out -> sum.text",
      "sum.out -> agent.in",
      "http.tool -> agent.tools",
      "search.tool -> agent.tools",
      "gpt.model -> agent.model",
      "agent.out -> output.in",
    ],
  );
}
