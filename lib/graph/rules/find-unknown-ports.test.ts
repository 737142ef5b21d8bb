import { describe, expect, it } from "vitest";
import { buildTestGraph, buildValidTestGraph, testRegistry } from "../test-node-types";
import { findUnknownPorts } from "./find-unknown-ports";

describe("findUnknownPorts", () => {
  it("finds nothing when every edge uses declared ports", () => {
    expect(findUnknownPorts(buildValidTestGraph(), testRegistry)).toEqual([]);
  });

  it("reports a source port that is not an output of the source's type", () => {
    const spec = buildTestGraph([["input", "input", "Input"], ["output", "output"]], ["input.result -> output.in"]);
    expect(findUnknownPorts(spec, testRegistry)).toEqual([
      { code: "UNKNOWN_PORT", message: '"Input" has no output "result" (edge "e1")', path: ["edges", 0, "source", "port"], edgeId: "e1" },
    ]);
  });

  it("reports a target port that is not an input of the target's type, even if it is one of its outputs", () => {
    const spec = buildTestGraph([["input", "input"], ["sum", "summarise", "Summarise"]], ["input.out -> sum.out"]);
    expect(findUnknownPorts(spec, testRegistry)).toEqual([
      { code: "UNKNOWN_PORT", message: '"Summarise" has no input "out" (edge "e1")', path: ["edges", 0, "target", "port"], edgeId: "e1" },
    ]);
  });

  it("skips ends at nodes of unknown type", () => {
    const spec = buildTestGraph([["x", "acme/x"], ["output", "output"]], ["x.whatever -> output.in"]);
    expect(findUnknownPorts(spec, testRegistry)).toEqual([]);
  });
});
