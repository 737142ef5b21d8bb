import { describe, expect, it } from "vitest";
import { buildTestGraph, buildValidTestGraph, testRegistry } from "../test-node-types";
import { findOverfilledInputs } from "./find-overfilled-inputs";

describe("findOverfilledInputs", () => {
  it("finds nothing when single inputs have one edge and many tools share an input that accepts many", () => {
    expect(findOverfilledInputs(buildValidTestGraph(), testRegistry)).toEqual([]);
  });

  it("reports an input with more than one edge once, at its first extra edge", () => {
    const spec = buildTestGraph(
      [["a", "template", "A"], ["b", "template", "B"], ["c", "template", "C"], ["sum", "summarise", "Summarise"]],
      ["a.out -> sum.text", "b.out -> sum.text", "c.out -> sum.text"],
    );
    expect(findOverfilledInputs(spec, testRegistry)).toEqual([
      { code: "TOO_MANY_EDGES", message: 'The input "text" of "Summarise" takes one edge, but 3 end there', path: ["edges", 1, "target"], edgeId: "e2" },
    ]);
  });
});
