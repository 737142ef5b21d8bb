import { describe, expect, it } from "vitest";
import { getGroupSize, GROUP_NODE_TYPE } from "@/lib/graph/group-node";
import { createSimpleGraphSpec } from "@/server/testing/simple-graph-spec";
import { computeAutoLayout } from "./auto-layout";

describe("computeAutoLayout", () => {
  it("lays a chain out left to right without overlaps", async () => {
    const spec = createSimpleGraphSpec();
    spec.nodes.forEach((node) => (node.position = { x: 0, y: 0 }));
    const laid = await computeAutoLayout(spec, new Map());
    const xs = laid.nodes.map((node) => node.position.x);
    expect(xs[0]).toBeLessThan(xs[1]!);
    expect(xs[1]).toBeLessThan(xs[2]!);
    expect(xs[1]! - xs[0]!).toBeGreaterThanOrEqual(180);
  });
});

describe("computeAutoLayout with groups", () => {
  it("keeps each group's members inside its frame, and the frame clear of the other nodes", async () => {
    const base = createSimpleGraphSpec();
    const frame = { id: "frame", type: GROUP_NODE_TYPE, typeVersion: 1, label: "Frame", position: { x: 0, y: 0 }, config: { width: 100, height: 100 } };
    const spec = { ...base, nodes: [frame, ...base.nodes.map((node) => ({ ...node, position: { x: 0, y: 0 }, ...(node.id === "answer" ? {} : { group: "frame" }) }))] };
    const laid = await computeAutoLayout(spec, new Map());
    const byId = new Map(laid.nodes.map((node) => [node.id, node]));
    const box = { ...byId.get("frame")!.position, ...getGroupSize(byId.get("frame")!) };
    for (const id of ["question", "prompt"]) {
      const { x, y } = byId.get(id)!.position;
      expect(x).toBeGreaterThanOrEqual(box.x);
      expect(y).toBeGreaterThan(box.y);
      expect(x + 180).toBeLessThanOrEqual(box.x + box.width);
      expect(y + 64).toBeLessThanOrEqual(box.y + box.height);
    }
    expect(byId.get("answer")!.position.x).toBeGreaterThanOrEqual(box.x + box.width);
  });
});
