import { getBoundsOfBoxes, type TBox } from "./node-card-geometry";

type TPoint = { x: number; y: number };

/** Room kept between a paste and the nodes around it. */
export const PASTE_GAP = 24;
const MAX_STEPS = 200;

export type TPasteAnchor =
  /** The pointer is over the canvas and has moved since the last copy or paste: the user points where it goes. */
  | { kind: "pointer"; at: TPoint }
  /** No fresh pointer: next to where the copied nodes stand (or the previous paste of them), never on top. */
  | { kind: "beside"; from: TPoint };

/**
 * The top-left corner for a paste whose nodes cover `boxes` (footprints at their copied positions). At the pointer
 * the user's choice wins. Otherwise the paste starts at `from` and steps down, a whole paste-height at a time, until
 * it covers none of `occupied`: a copy pasted in the graph it came from lands under the originals, a second paste
 * under the first, and a paste into another graph where the nodes stood when that spot is free.
 */
export function choosePasteTopLeft(anchor: TPasteAnchor, boxes: readonly TBox[], occupied: readonly TBox[]): TPoint {
  if (anchor.kind === "pointer") return { x: Math.round(anchor.at.x), y: Math.round(anchor.at.y) };
  const bounds = getBoundsOfBoxes(boxes);
  const start = { x: Math.round(anchor.from.x), y: Math.round(anchor.from.y) };
  let candidate = { ...start };
  for (let step = 1; step <= MAX_STEPS && occupied.some((box) => isOverlapping(box, { ...bounds, ...candidate })); step++) {
    candidate = { x: start.x, y: start.y + step * (bounds.height + PASTE_GAP) };
  }
  return candidate;
}

function isOverlapping(a: TBox, b: TBox): boolean {
  return a.x < b.x + b.width + PASTE_GAP && b.x < a.x + a.width + PASTE_GAP && a.y < b.y + b.height + PASTE_GAP && b.y < a.y + a.height + PASTE_GAP;
}
