import { describe, expect, it } from "vitest";
import { GROUP_NODE_TYPE } from "@/lib/graph/group-node";
import { createSimpleGraphSpec } from "@/server/testing/simple-graph-spec";
import { applyCanvasLayout, specToFlow } from "./spec-to-flow";

function createGroupedSpec() {
  const spec = createSimpleGraphSpec();
  const frame = { id: "frame", type: GROUP_NODE_TYPE, typeVersion: 1, label: "Intake", position: { x: -20, y: 30 }, config: { width: 700, height: 200 } };
  return { ...spec, nodes: [...spec.nodes.map((node) => (node.id === "answer" ? node : { ...node, group: "frame" })), frame] };
}

describe("specToFlow", () => {
  it("maps nodes and edges with ports as handles", () => {
    const { nodes, edges } = specToFlow(createSimpleGraphSpec());
    expect(nodes.map((node) => [node.id, node.data.label])).toEqual([["question", "Question"], ["prompt", "Build prompt"], ["answer", "Answer"]]);
    expect(edges[0]).toEqual({ id: "question-prompt", source: "question", sourceHandle: "out", target: "prompt", targetHandle: "in" });
  });

  it("draws a group as a sized frame before its members, whose positions become relative to it", () => {
    const { nodes } = specToFlow(createGroupedSpec());
    expect(nodes.map((node) => node.id)).toEqual(["frame", "question", "prompt", "answer"]);
    expect(nodes[0]).toMatchObject({ type: "group-frame", position: { x: -20, y: 30 }, width: 700, height: 200, data: { label: "Intake" } });
    expect(nodes[1]).toMatchObject({ parentId: "frame", position: { x: 20, y: 50 } });
    expect(nodes[3]).not.toHaveProperty("parentId");
    expect(nodes[3]!.position).toEqual({ x: 600, y: 80 });
  });
});

describe("applyCanvasLayout", () => {
  it("writes rounded canvas positions back and leaves the rest untouched", () => {
    const spec = createSimpleGraphSpec();
    const moved = applyCanvasLayout(spec, [{ id: "prompt", position: { x: 10.4, y: -20.6 } }]);
    expect(moved.nodes[1]!.position).toEqual({ x: 10, y: -21 });
    expect(moved.nodes[0]).toBe(spec.nodes[0]);
    expect(moved.edges).toBe(spec.edges);
  });

  it("turns a member's position back into an absolute one and stores a grown frame's size", () => {
    const spec = createGroupedSpec();
    const canvas = specToFlow(spec).nodes.map((node) => (node.id === "frame" ? { ...node, position: { x: 100, y: 100 }, width: 800 } : node));
    const moved = applyCanvasLayout(spec, canvas);
    const byId = new Map(moved.nodes.map((node) => [node.id, node]));
    expect(byId.get("frame")).toMatchObject({ position: { x: 100, y: 100 }, config: { width: 800, height: 200 } });
    expect(byId.get("question")!.position).toEqual({ x: 120, y: 150 });
    expect(byId.get("answer")!.position).toEqual({ x: 600, y: 80 });
  });
});
