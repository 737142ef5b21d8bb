import { describe, expect, it } from "vitest";
import { createSimpleGraphSpec } from "@/server/testing/simple-graph-spec";
import { applyNodePositions, specToFlow } from "./spec-to-flow";

describe("specToFlow", () => {
  it("maps nodes and edges with ports as handles", () => {
    const { nodes, edges } = specToFlow(createSimpleGraphSpec());
    expect(nodes.map((node) => [node.id, node.data.label])).toEqual([["question", "Question"], ["prompt", "Build prompt"], ["answer", "Answer"]]);
    expect(edges[0]).toEqual({ id: "question-prompt", source: "question", sourceHandle: "out", target: "prompt", targetHandle: "in" });
  });
});

describe("applyNodePositions", () => {
  it("writes rounded canvas positions back and leaves the rest untouched", () => {
    const spec = createSimpleGraphSpec();
    const moved = applyNodePositions(spec, [{ id: "prompt", position: { x: 10.4, y: -20.6 } }]);
    expect(moved.nodes[1]!.position).toEqual({ x: 10, y: -21 });
    expect(moved.nodes[0]).toEqual(spec.nodes[0]);
    expect(moved.edges).toBe(spec.edges);
  });
});
