import { describe, expect, it } from "vitest";
import { createNodeTypeRegistry, GRAPH_FORMAT, type TGraphSpec } from "@/lib/graph";
import { getGroupSize, GROUP_NODE_TYPE } from "@/lib/graph/group-node";
import { ALL_CORE_NODE_DEFINITIONS } from "@/server/plugins/builtin/core-node-definitions";
import { createSimpleGraphSpec } from "@/server/testing/simple-graph-spec";
import { computeAutoLayout } from "./auto-layout";
import { getCardBoundsOfSpec, getFootprintsOfSpec } from "./node-card-geometry";
import { getReadableViewport } from "./readable-viewport";

const registry = createNodeTypeRegistry(ALL_CORE_NODE_DEFINITIONS);

/** Nodes just added from the palette, in that order, all at one spot and none connected yet. */
function createUnconnectedSpec(types: string[]): TGraphSpec {
  const nodes = types.map((type) => ({ id: type, type: `core/${type}`, typeVersion: 1, label: type, position: { x: 300, y: 280 }, config: {} }));
  return { format: GRAPH_FORMAT, nodes, edges: [], settings: {} };
}

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

  it("puts nodes that nothing connects side by side, in the order they were added, readable in an editor at 1280x720", async () => {
    const spec = createUnconnectedSpec(["input", "agent", "scripted-model", "code", "output"]);
    const laid = await computeAutoLayout(spec, getFootprintsOfSpec(spec, registry));
    const byId = new Map(laid.nodes.map((node) => [node.id, node.position]));
    expect(byId.get("input")!.y).toBe(byId.get("agent")!.y);
    expect(byId.get("input")!.x).toBeLessThan(byId.get("agent")!.x);
    expect(byId.get("agent")!.x).toBeLessThan(byId.get("scripted-model")!.x);
    // The canvas of the editor in a 1280x720 window: the whole graph fits there at the zoom it opens at.
    const pane = { width: 760, height: 620 };
    const bounds = getCardBoundsOfSpec(laid, registry)!;
    const view = getReadableViewport(bounds, pane);
    expect(view.x + bounds.x * view.zoom).toBeGreaterThanOrEqual(0);
    expect(view.y + bounds.y * view.zoom).toBeGreaterThanOrEqual(0);
    expect(view.x + (bounds.x + bounds.width) * view.zoom).toBeLessThanOrEqual(pane.width);
    expect(view.y + (bounds.y + bounds.height) * view.zoom).toBeLessThanOrEqual(pane.height);
  });

  it("keeps a connected part left to right beside a node that is not connected yet", async () => {
    const simple = createSimpleGraphSpec();
    const spec = { ...simple, nodes: [...simple.nodes, ...createUnconnectedSpec(["template"]).nodes].map((node) => ({ ...node, position: { x: 0, y: 0 } })) };
    const laid = await computeAutoLayout(spec, getFootprintsOfSpec(spec, registry));
    const byId = new Map(laid.nodes.map((node) => [node.id, node.position]));
    expect(byId.get("question")!.x).toBeLessThan(byId.get("prompt")!.x);
    expect(byId.get("prompt")!.x).toBeLessThan(byId.get("answer")!.x);
    expect(byId.get("template")).not.toEqual(byId.get("question"));
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
