import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createNodeTypeRegistry, GRAPH_FORMAT, GRAPH_TEMPLATES, type TGraphSpec } from "@/lib/graph";
import { getGroupSize, GROUP_NODE_TYPE, isGroupNode } from "@/lib/graph/group-node";
import { ALL_CORE_NODE_DEFINITIONS } from "@/server/plugins/builtin/core-node-definitions";
import { createDemoGraphSpec } from "@/server/seed/demo-graph";
import { computeAutoLayout } from "./auto-layout";
import { getCardBoundsOfSpec, getFootprintsOfSpec, getNodeCardSize, getNodeFootprint, NODE_HEADER_HEIGHT, NODE_WIDTH, PORT_ROW_HEIGHT, PORTS_BOTTOM_PADDING, RUN_AREA_HEIGHT } from "./node-card-geometry";

const registry = createNodeTypeRegistry(ALL_CORE_NODE_DEFINITIONS);

type TBox = { id: string; x: number; y: number; width: number; height: number };

/** Pairs of nodes whose footprints (card and run area) intersect; a frame only counts against nodes outside it. */
function findOverlaps(spec: TGraphSpec): string[] {
  const footprints = getFootprintsOfSpec(spec, registry);
  const boxes: TBox[] = spec.nodes.map((node) => ({ id: node.id, ...node.position, ...(isGroupNode(node) ? getGroupSize(node) : footprints.get(node.id)!) }));
  const groupOf = new Map(spec.nodes.map((node) => [node.id, node.group]));
  const overlaps: string[] = [];
  boxes.forEach((a, index) => {
    for (const b of boxes.slice(index + 1)) {
      if (groupOf.get(a.id) === b.id || groupOf.get(b.id) === a.id) continue;
      const isApart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
      if (!isApart) overlaps.push(`${a.id} overlaps ${b.id}`);
    }
  });
  return overlaps;
}

/** A graph of `count` nodes where every node takes the previous ones' outputs as tools, a crowded worst case. */
function createCrowdedSpec(count: number): TGraphSpec {
  const nodes = Array.from({ length: count }, (_, index) => ({
    id: `n${index}`,
    type: index % 3 === 0 ? "core/agent" : index % 3 === 1 ? "core/code" : "core/template",
    typeVersion: 1,
    label: `Node ${index}`,
    position: { x: 0, y: 0 },
    config: {},
  }));
  const edges = nodes.slice(1).map((node, index) => ({ id: `e${index}`, source: { node: nodes[index]!.id, port: "out" }, target: { node: node.id, port: "in" } }));
  return { format: GRAPH_FORMAT, nodes, edges, settings: {} };
}

/** Nodes added one by one and not connected yet, two of them in a frame. */
function createUnconnectedSpec(): TGraphSpec {
  const types = ["input", "agent", "scripted-model", "code", "output", "http-request", "template", "memory"];
  const frame = { id: "frame", type: GROUP_NODE_TYPE, typeVersion: 1, label: "Frame", position: { x: 0, y: 0 }, config: { width: 100, height: 100 } };
  const nodes = types.map((type, index) => ({ id: type, type: `core/${type}`, typeVersion: 1, label: type, position: { x: 0, y: 0 }, config: {}, ...(index < 2 ? { group: "frame" } : {}) }));
  return { format: GRAPH_FORMAT, nodes: [frame, ...nodes], edges: [], settings: {} };
}

const SHIPPED_GRAPHS: [string, TGraphSpec][] = [["demo graph", createDemoGraphSpec()], ...GRAPH_TEMPLATES.map((template): [string, TGraphSpec] => [`template ${template.id}`, template.spec])];

describe("node card geometry", () => {
  it("gives a card a row per port pair under its header, and a footprint with room for a run under it", () => {
    expect(getNodeCardSize(0, 0).height).toBe(NODE_HEADER_HEIGHT);
    expect(getNodeCardSize(4, 2).height - getNodeCardSize(1, 1).height).toBe(3 * PORT_ROW_HEIGHT);
    expect(getNodeFootprint(4, 2).height).toBe(getNodeCardSize(4, 2).height + RUN_AREA_HEIGHT);
  });

  it("bounds a graph by its cards as drawn, from the left-most card to the bottom of the lowest", () => {
    const spec = createDemoGraphSpec();
    // Multiply (Code: in | out, as tool) is the lowest card, at y 622; Answer the right-most, at x 690.
    expect(getCardBoundsOfSpec(spec, registry)).toEqual({ x: 0, y: 0, width: 690 + NODE_WIDTH, height: 622 + getNodeCardSize(1, 2).height });
    expect(getCardBoundsOfSpec({ ...spec, nodes: [] }, registry)).toBeUndefined();
  });

  it("is the geometry the card's CSS draws", () => {
    const css = readFileSync(path.join(import.meta.dirname, "editor.module.css"), "utf8");
    const nodeRule = /\n\.node \{([^}]*)\}/.exec(css)![1]!;
    const pixels = (property: string) => Number(new RegExp(`${property}:\\s*(\\d+)px`).exec(nodeRule)?.[1]);
    expect({ width: pixels("--node-width"), header: pixels("--node-header"), row: pixels("--port-row"), padding: pixels("--ports-bottom-padding"), runArea: pixels("--run-area") }).toEqual({
      width: NODE_WIDTH,
      header: NODE_HEADER_HEIGHT,
      row: PORT_ROW_HEIGHT,
      padding: PORTS_BOTTOM_PADDING,
      runArea: RUN_AREA_HEIGHT,
    });
  });
});

describe("shipped graphs are laid out without overlaps", () => {
  it.each(SHIPPED_GRAPHS)("%s: no node or its run area covers another node", (_name, spec) => {
    expect(findOverlaps(spec)).toEqual([]);
  });

  it("the demo graph's Agent takes its message, model and tools from nodes on its left", () => {
    const spec = createDemoGraphSpec();
    const byId = new Map(spec.nodes.map((node) => [node.id, node]));
    const footprints = getFootprintsOfSpec(spec, registry);
    for (const edge of spec.edges) {
      const source = byId.get(edge.source.node)!;
      expect(source.position.x + footprints.get(source.id)!.width, `${edge.id} runs left to right`).toBeLessThan(byId.get(edge.target.node)!.position.x);
    }
  });
});

describe("auto-layout never overlaps nodes", () => {
  it.each([...SHIPPED_GRAPHS, ["30 crowded nodes", createCrowdedSpec(30)] as [string, TGraphSpec], ["unconnected nodes and a frame", createUnconnectedSpec()] as [string, TGraphSpec]])("%s", async (_name, spec) => {
    const stacked = { ...spec, nodes: spec.nodes.map((node) => ({ ...node, position: { x: 0, y: 0 } })) };
    const laidOut = await computeAutoLayout(stacked, getFootprintsOfSpec(stacked, registry));
    expect(findOverlaps(laidOut)).toEqual([]);
  });

  it("keeps frames clear of the nodes outside them", async () => {
    const base = createDemoGraphSpec();
    const frame = { id: "frame", type: GROUP_NODE_TYPE, typeVersion: 1, label: "Tools", position: { x: 0, y: 0 }, config: { width: 100, height: 100 } };
    const spec = { ...base, nodes: [frame, ...base.nodes.map((node) => ({ ...node, position: { x: 0, y: 0 }, ...(node.id === "countWords" || node.id === "multiply" ? { group: "frame" } : {}) }))] };
    const laidOut = await computeAutoLayout(spec, getFootprintsOfSpec(spec, registry));
    expect(findOverlaps(laidOut)).toEqual([]);
  });
});
