import { describe, expect, it } from "vitest";
import { buildTestGraph, buildValidTestGraph, testRegistry } from "./test-node-types";
import { validateGraph } from "./validate-graph";

describe("validateGraph", () => {
  it("accepts a graph that fits the format and its node types", () => {
    const spec = buildValidTestGraph();
    expect(validateGraph(spec, testRegistry)).toEqual({ ok: true, spec });
  });

  it("returns only the structural problems while the spec itself is malformed", () => {
    const spec = buildTestGraph([["a", "acme/unknown"], ["a", "template"]]);
    const result = validateGraph(spec, testRegistry);
    expect(result.ok ? [] : result.problems.map((problem) => problem.code)).toEqual(["DUPLICATE_NODE_ID"]);
  });

  it("runs every type-aware rule and lists the problems in spec order", () => {
    const spec = buildTestGraph(
      [["input", "input", "Input"], ["prompt", "template", "Prompt"], ["x", "acme/fetch"], ["sum", "summarise", "Summarise"]],
      ["input.out -> sum.text", "input.out -> prompt.nope"],
    );
    const result = validateGraph(spec, testRegistry);
    expect(result.ok ? [] : result.problems.map(({ code, path }) => [code, path])).toEqual([
      ["MISSING_CONFIG", ["nodes", 1, "config", "template"]],
      ["MISSING_INPUT", ["nodes", 1]],
      ["UNKNOWN_NODE_TYPE", ["nodes", 2, "type"]],
      ["INCOMPATIBLE_PORTS", ["edges", 0]],
      ["UNKNOWN_PORT", ["edges", 1, "target", "port"]],
    ]);
  });
});
