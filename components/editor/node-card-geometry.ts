import type { TGraphSpec, TNodeTypeRegistry } from "@/lib/graph";
import { getGroupSize, isGroupNode } from "@/lib/graph/group-node";
import { getTypeView } from "./spec-to-flow";

/**
 * The size of a node card on the canvas, in flow pixels. The card draws at exactly this size (editor.module.css holds
 * the same numbers as custom properties on .node; node-layout.test.ts checks they agree), so layouts can be computed
 * without the DOM: auto-layout, the demo graph and the templates use the same numbers as the canvas.
 */
export const NODE_WIDTH = 180;
/** Category stripe, icon, label and type title. */
export const NODE_HEADER_HEIGHT = 56;
/** One input on the left and one output on the right share a row. */
export const PORT_ROW_HEIGHT = 22;
export const PORTS_BOTTOM_PADDING = 6;
/**
 * Room under a card for a followed run: status, calls and the streamed text, which scrolls inside it. The run area
 * never grows past this, so a layout that keeps it free (node footprints) never has streamed text over another node.
 */
export const RUN_AREA_HEIGHT = 96;

/**
 * The lowest zoom the canvas opens at: the smallest text on a card (13 px) still renders at 10 px or more. A graph that
 * does not fit at this zoom opens at its start (left, top) instead of shrinking until nobody can read it.
 */
export const READABLE_ZOOM = 0.8;

export type TSize = { width: number; height: number };

export function getNodeCardSize(inputCount: number, outputCount: number): TSize {
  const rows = Math.max(inputCount, outputCount);
  return { width: NODE_WIDTH, height: NODE_HEADER_HEIGHT + (rows > 0 ? rows * PORT_ROW_HEIGHT + PORTS_BOTTOM_PADDING : 0) };
}

/** The card and the run area under it: what a layout must keep free of other nodes. */
export function getNodeFootprint(inputCount: number, outputCount: number): TSize {
  const card = getNodeCardSize(inputCount, outputCount);
  return { width: card.width, height: card.height + RUN_AREA_HEIGHT };
}

/** Footprints of a spec's nodes (frames excluded: their size is in their config), with ports as the canvas draws them. */
export function getFootprintsOfSpec(spec: TGraphSpec, registry: TNodeTypeRegistry): Map<string, TSize> {
  return new Map(
    spec.nodes.filter((node) => !isGroupNode(node)).map((node) => {
      const ports = getTypeView(node, spec, registry);
      return [node.id, getNodeFootprint(ports.inputs.length, ports.outputs.length)];
    }),
  );
}

export type TBox = { x: number; y: number; width: number; height: number };

/** Each node's footprint on the canvas (a frame's is its size), where it stands: what a placement keeps clear. */
export function getFootprintBoxesOfSpec(spec: TGraphSpec, registry: TNodeTypeRegistry): TBox[] {
  const footprints = getFootprintsOfSpec(spec, registry);
  return spec.nodes.map((node) => ({ ...node.position, ...(footprints.get(node.id) ?? getGroupSize(node)) }));
}

/** The rectangle the spec's cards and frames cover as drawn (runs not shown); undefined for an empty graph. */
export function getCardBoundsOfSpec(spec: TGraphSpec, registry: TNodeTypeRegistry): TBox | undefined {
  if (spec.nodes.length === 0) return undefined;
  return getBoundsOfBoxes(
    spec.nodes.map((node) => {
      const ports = isGroupNode(node) ? undefined : getTypeView(node, spec, registry);
      const size = ports ? getNodeCardSize(ports.inputs.length, ports.outputs.length) : getGroupSize(node);
      return { ...node.position, ...size };
    }),
  );
}

export function getBoundsOfBoxes(boxes: readonly TBox[]): TBox {
  const left = Math.min(...boxes.map((box) => box.x));
  const top = Math.min(...boxes.map((box) => box.y));
  const right = Math.max(...boxes.map((box) => box.x + box.width));
  const bottom = Math.max(...boxes.map((box) => box.y + box.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}
