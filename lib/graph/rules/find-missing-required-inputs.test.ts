import { describe, expect, it } from "vitest";
import { createNodeTypeRegistry } from "../node-type";
import { buildTestGraph, buildValidTestGraph, testRegistry } from "../test-node-types";
import { findMissingRequiredInputs } from "./find-missing-required-inputs";

describe("findMissingRequiredInputs", () => {
  it("finds nothing when every required input has an edge", () => {
    expect(findMissingRequiredInputs(buildValidTestGraph(), testRegistry)).toEqual([]);
  });

  it("reports a required data input and a required model input without an edge", () => {
    const spec = buildValidTestGraph();
    spec.edges = spec.edges.filter((edge) => edge.target.port !== "text" && edge.target.port !== "model");
    expect(findMissingRequiredInputs(spec, testRegistry)).toEqual([
      { code: "MISSING_INPUT", message: '"Summarise" has nothing connected to its required data input "text"', path: ["nodes", 2], nodeId: "sum" },
      { code: "MISSING_INPUT", message: '"Agent" has nothing connected to its required model input "model"', path: ["nodes", 6], nodeId: "agent" },
    ]);
  });

  it("does not ask for data on a node used as a tool: its caller gives the arguments", () => {
    const code = { ...testRegistry.get("test/http-tool")!, type: "test/code", inputs: [{ id: "in", kind: "data" as const }], outputs: [{ id: "out", kind: "data" as const }, { id: "asTool", kind: "tool" as const }] };
    const registry = createNodeTypeRegistry([...testRegistry.list(), code]);
    const spec = buildTestGraph([["input", "input"], ["agent", "agent"], ["gpt", "model"], ["code", "code"], ["unused", "code"], ["output", "output"]], ["input.out -> agent.in", "gpt.model -> agent.model", "code.asTool -> agent.tools", "agent.out -> output.in"]);
    expect(findMissingRequiredInputs(spec, registry).map((problem) => problem.nodeId)).toEqual(["unused"]);
  });

  it("ignores optional inputs (tools, a loop's continue) and io nodes, which are fed from outside", () => {
    const spec = buildTestGraph([["input", "input"], ["loop", "loop"], ["output", "output"]], ["input.out -> loop.in"]);
    expect(findMissingRequiredInputs(spec, testRegistry)).toEqual([]);
  });
});
