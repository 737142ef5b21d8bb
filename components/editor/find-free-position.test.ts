import { describe, expect, it } from "vitest";
import { createNodeTypeRegistry, GRAPH_FORMAT, type TGraphSpec } from "@/lib/graph";
import { ALL_CORE_NODE_DEFINITIONS } from "@/server/plugins/builtin/core-node-definitions";
import { findFreePosition, PLACEMENT_GAP } from "./find-free-position";
import { getNodeFootprint, getFootprintBoxesOfSpec, type TBox } from "./node-card-geometry";

const registry = createNodeTypeRegistry(ALL_CORE_NODE_DEFINITIONS);
// The canvas of a new graph in a 1280x720 window at zoom 1 (760 x 620), inside the opening view's padding and the
// room a frame takes around its members (use-palette-placement.ts).
const VIEW = { x: 48, y: 76, width: 664, height: 488 };
// The minimap over its lower right corner.
const MINIMAP = { x: 545, y: 455, width: 200, height: 150 };

function isApart(a: TBox, b: TBox): boolean {
  return a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
}

function isInside(inner: TBox, outer: TBox): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/** Palette clicks, one after another: each node goes where findFreePosition says. */
function addFromPalette(types: string[]): TGraphSpec {
  let spec: TGraphSpec = { format: GRAPH_FORMAT, nodes: [], edges: [], settings: {} };
  for (const type of types) {
    const definition = registry.get(`core/${type}`)!;
    const size = getNodeFootprint(definition.inputs.length, definition.outputs.length);
    const position = findFreePosition([...getFootprintBoxesOfSpec(spec, registry), MINIMAP], size, VIEW);
    spec = { ...spec, nodes: [...spec.nodes, { id: type, type: definition.type, typeVersion: 1, label: type, position, config: {} }] };
  }
  return spec;
}

describe("findFreePosition", () => {
  it("puts the first node at the top left of an empty view", () => {
    expect(findFreePosition([], { width: 180, height: 180 }, VIEW)).toEqual({ x: VIEW.x, y: VIEW.y });
  });

  it("lines nodes added one after another up left to right, in view, apart and clear of the minimap", () => {
    const spec = addFromPalette(["input", "agent", "scripted-model", "code", "output"]);
    const boxes = getFootprintBoxesOfSpec(spec, registry);
    boxes.forEach((a, index) => boxes.slice(index + 1).forEach((b) => expect(isApart(a, b), `${JSON.stringify(a)} and ${JSON.stringify(b)}`).toBe(true)));
    for (const box of boxes) {
      expect(isInside(box, VIEW), `${JSON.stringify(box)} in view`).toBe(true);
      expect(isApart(box, MINIMAP), `${JSON.stringify(box)} clear of the minimap`).toBe(true);
    }
    const [input, agent, scriptedModel, code] = spec.nodes.map((node) => node.position);
    expect(input!.y).toBe(agent!.y);
    expect(agent!.y).toBe(scriptedModel!.y);
    expect(input!.x).toBeLessThan(agent!.x);
    expect(agent!.x).toBeLessThan(scriptedModel!.x);
    expect(code!.y).toBeGreaterThan(input!.y);
  });

  it("keeps the gap to its neighbour", () => {
    const [first, second] = addFromPalette(["template", "transform"]).nodes;
    expect(second!.position.x - (first!.position.x + 180)).toBe(PLACEMENT_GAP);
  });

  it("goes to the free spot nearest to the middle of a view that has no room left: just above or below it", () => {
    const position = findFreePosition([VIEW], { width: 180, height: 180 }, VIEW);
    expect(position.x).toBe(VIEW.x + VIEW.width / 2 - 90);
    // Searched on a 20 px grid around the middle: clear by the gap, and at most one grid step further.
    const above = VIEW.y - PLACEMENT_GAP - 180 - position.y;
    const below = position.y - (VIEW.y + VIEW.height + PLACEMENT_GAP);
    expect([above, below].some((distance) => distance >= 0 && distance < 20)).toBe(true);
  });
});
