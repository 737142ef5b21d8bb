import { describe, expect, it } from "vitest";
import { GRAPH_LIMITS } from "./limits";
import { createEmptyGraphSpec, GRAPH_FORMAT, type TGraphSpec } from "./spec";
import { describeGraphProblems, validateGraphSpec } from "./validate-graph-spec";

function graph(overrides: Partial<TGraphSpec> = {}): TGraphSpec {
  return {
    format: GRAPH_FORMAT,
    nodes: [
      { id: "in", type: "core/input", typeVersion: 1, label: "In", position: { x: 0, y: 0 }, config: {} },
      { id: "out", type: "core/output", typeVersion: 1, label: "Out", position: { x: 200, y: 0 }, config: {} },
    ],
    edges: [{ id: "e1", source: { node: "in", port: "out" }, target: { node: "out", port: "in" } }],
    settings: {},
    ...overrides,
  };
}

function problemsOf(value: unknown) {
  const result = validateGraphSpec(value);
  if (result.ok) throw new Error("expected the graph to be invalid");
  return result.problems;
}

describe("validateGraphSpec", () => {
  it("accepts a well-formed graph and fills defaults", () => {
    const result = validateGraphSpec({ format: GRAPH_FORMAT, nodes: [{ id: "a", type: "core/input", position: { x: 1, y: 2 } }], edges: [] });
    expect(result).toEqual({
      ok: true,
      spec: {
        format: GRAPH_FORMAT,
        nodes: [{ id: "a", type: "core/input", typeVersion: 1, label: "", position: { x: 1, y: 2 }, config: {} }],
        edges: [],
        settings: {},
      },
    });
    expect(validateGraphSpec(createEmptyGraphSpec()).ok).toBe(true);
  });

  it("names the wrong format", () => {
    const [problem] = problemsOf({ ...graph(), format: "n8n/workflow" });
    expect(problem).toMatchObject({ code: "INVALID_SHAPE", path: ["format"] });
    expect(problem!.message).toContain(GRAPH_FORMAT);
  });

  it("locates a shape error at the node that has it", () => {
    const spec = graph();
    (spec.nodes[1]!.position as unknown as { x: string }).x = "left";
    const problems = problemsOf(spec);
    expect(problems).toEqual([expect.objectContaining({ path: ["nodes", 1, "position", "x"], nodeId: "out" })]);
    expect(describeGraphProblems(problems)).toMatch(/^nodes\[1\]\.position\.x: /);
  });

  it("refuses unknown fields", () => {
    expect(problemsOf({ ...graph(), owner: "me" })[0]!.message).toContain("owner");
  });

  it("reports duplicate node and edge ids", () => {
    const spec = graph();
    spec.nodes.push({ ...spec.nodes[0]! });
    spec.edges.push({ ...spec.edges[0]! });
    expect(problemsOf(spec).map((p) => p.code)).toEqual(["DUPLICATE_NODE_ID", "DUPLICATE_EDGE_ID"]);
  });

  it("reports an edge to a node that is not in the graph", () => {
    const spec = graph({ edges: [{ id: "e9", source: { node: "in", port: "out" }, target: { node: "gone", port: "in" } }] });
    expect(problemsOf(spec)).toEqual([
      expect.objectContaining({ code: "DANGLING_EDGE", edgeId: "e9", path: ["edges", 0, "target", "node"] }),
    ]);
  });

  it("bounds config size, node count and nesting depth", () => {
    const spec = graph();
    spec.nodes[0]!.config = { blob: "x".repeat(GRAPH_LIMITS.maxConfigBytes) };
    expect(problemsOf(spec)).toEqual([expect.objectContaining({ code: "CONFIG_TOO_LARGE", nodeId: "in" })]);

    const many = Array.from({ length: GRAPH_LIMITS.maxNodes + 1 }, (_, i) => ({ id: `n${i}`, type: "core/input", position: { x: 0, y: 0 } }));
    expect(problemsOf({ format: GRAPH_FORMAT, nodes: many, edges: [] })[0]!.path).toEqual(["nodes"]);

    let deep: unknown = "bottom";
    for (let i = 0; i < 100; i++) deep = { next: deep };
    expect(problemsOf({ ...graph(), settings: deep })[0]!.code).toBe("TOO_DEEP");
  });

  it("refuses prototype-reaching keys anywhere", () => {
    const polluted = JSON.parse('{"format":"openclaw.graph/v1","nodes":[{"id":"a","type":"core/input","position":{"x":0,"y":0},"config":{"constructor":{"prototype":{}}}}],"edges":[]}');
    expect(problemsOf(polluted)[0]).toMatchObject({ code: "FORBIDDEN_KEY", path: ["nodes", 0, "config", "constructor"] });
  });
});
