import { describe, expect, it } from "vitest";
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

  it("ignores optional inputs (tools, a loop's continue) and io nodes, which are fed from outside", () => {
    const spec = buildTestGraph([["input", "input"], ["loop", "loop"], ["output", "output"]], ["input.out -> loop.in"]);
    expect(findMissingRequiredInputs(spec, testRegistry)).toEqual([]);
  });
});
