import { describe, expect, it } from "vitest";
import { getPortsOfNode } from "./ports-of-node";

describe("getPortsOfNode", () => {
  it("adds every port an edge uses to the default in/out", () => {
    const edges = [
      { id: "a", source: { node: "branch", port: "yes" }, target: { node: "x", port: "in" } },
      { id: "b", source: { node: "branch", port: "no" }, target: { node: "y", port: "in" } },
      { id: "c", source: { node: "z", port: "out" }, target: { node: "branch", port: "condition" } },
    ];
    expect(getPortsOfNode("branch", edges)).toEqual({ inputs: ["in", "condition"], outputs: ["out", "yes", "no"] });
  });
});
