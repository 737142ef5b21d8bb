import { describe, expect, it } from "vitest";
import { buildTestGraph, buildValidTestGraph, testRegistry, type TTestNode } from "../test-node-types";
import { findUnboundedCycles } from "./find-unbounded-cycles";

describe("findUnboundedCycles", () => {
  it("finds nothing in an acyclic graph", () => {
    expect(findUnboundedCycles(buildValidTestGraph(), testRegistry)).toEqual([]);
  });

  it("accepts a cycle closed through a loop's continue input", () => {
    const spec = buildTestGraph(
      [["input", "input"], ["loop", "loop"], ["step", "template"], ["output", "output"]],
      ["input.out -> loop.in", "loop.item -> step.in", "step.out -> loop.continue", "loop.done -> output.in"],
    );
    expect(findUnboundedCycles(spec, testRegistry)).toEqual([]);
  });

  it("reports a cycle on its first node in the spec, naming its nodes in order", () => {
    const spec = buildTestGraph(
      [["input", "input"], ["a", "template", "A"], ["b", "template", "B"], ["c", "template", "C"]],
      ["input.out -> b.in", "b.out -> c.in", "c.out -> a.in", "a.out -> b.in"],
    );
    expect(findUnboundedCycles(spec, testRegistry)).toEqual([
      {
        code: "UNBOUNDED_CYCLE",
        message: 'The cycle "A" -> "B" -> "C" -> "A" is not bounded: close it through the "continue" input of a Loop (or the "result" input of a Map)',
        path: ["nodes", 1],
        nodeId: "a",
      },
    ]);
  });

  it("reports a cycle through a loop's ordinary input and a node feeding itself", () => {
    const spec = buildTestGraph(
      [["loop", "loop", "Loop"], ["step", "template", "Step"], ["self", "template"]],
      ["loop.item -> step.in", "step.out -> loop.in", "self.out -> self.in"],
    );
    expect(findUnboundedCycles(spec, testRegistry).map((problem) => [problem.nodeId, problem.message])).toEqual([
      ["loop", 'The cycle "Loop" -> "Step" -> "Loop" is not bounded: close it through the "continue" input of a Loop (or the "result" input of a Map)'],
      ["self", 'The cycle "self" -> "self" is not bounded: close it through the "continue" input of a Loop (or the "result" input of a Map)'],
    ]);
  });

  it("handles a 2,000-node ring without recursion and shortens the message", () => {
    const nodes: TTestNode[] = Array.from({ length: 2_000 }, (_, i) => [`n${i}`, "template"]);
    const edges = nodes.map((_, i) => `n${i}.out -> n${(i + 1) % nodes.length}.in`);
    const problems = findUnboundedCycles(buildTestGraph(nodes, edges), testRegistry);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.nodeId).toBe("n0");
    expect(problems[0]!.message).toContain('"n7" -> ... (2000 nodes) -> "n0"');
  });
});
