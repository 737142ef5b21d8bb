import { describe, expect, it } from "vitest";
import { buildTestGraph, buildValidTestGraph, testRegistry } from "../test-node-types";
import { findIncompatibleEdges } from "./find-incompatible-edges";

const NODES = [
  ["fetch", "input", "Fetch"],
  ["sum", "summarise", "Summarise"],
  ["http", "http-tool", "HTTP", { url: "https://x" }],
  ["gpt", "model", "GPT"],
  ["agent", "agent", "Agent"],
] as const satisfies [string, string, string, object?][];

function problemsFor(edge: string) {
  return findIncompatibleEdges(buildTestGraph(NODES.map((node) => [...node]), [edge]), testRegistry);
}

describe("findIncompatibleEdges", () => {
  it("finds nothing in a graph whose edges all fit", () => {
    expect(findIncompatibleEdges(buildValidTestGraph(), testRegistry)).toEqual([]);
  });

  it("reports a data edge whose payload schema cannot fit the input", () => {
    expect(problemsFor("fetch.out -> sum.text")).toEqual([
      { code: "INCOMPATIBLE_PORTS", message: 'Cannot connect "Fetch" (out: object) to "Summarise" (text: string)', path: ["edges", 0], edgeId: "e1" },
    ]);
  });

  it("accepts any payload into an input without a schema", () => {
    expect(problemsFor("fetch.out -> agent.in")).toEqual([]);
  });

  it("reports ports of different kinds", () => {
    expect(problemsFor("http.tool -> agent.in")).toEqual([
      { code: "INCOMPATIBLE_PORTS", message: 'Cannot connect the tool output "tool" of "HTTP" to the data input "in" of "Agent"', path: ["edges", 0], edgeId: "e1" },
    ]);
    expect(problemsFor("gpt.model -> agent.tools")[0]!.message).toBe('Cannot connect the model output "model" of "GPT" to the tool input "tools" of "Agent"');
  });

  it("skips edges with an unknown port", () => {
    expect(problemsFor("fetch.nope -> sum.text")).toEqual([]);
  });
});
