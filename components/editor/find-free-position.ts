import type { TBox, TSize } from "./node-card-geometry";

/** Room kept between a placed node's footprint and the boxes around it, in flow pixels (auto-layout's spacing too). */
export const PLACEMENT_GAP = 40;
const STEP = 20;
/** At most this many grid columns or rows across the view, so a zoomed-out view of a big graph is searched quickly. */
const MAX_STEPS_ACROSS = 60;
const REACH_STEPS = 80;

type TPoint = { x: number; y: number };

let offsetsByDistance: TPoint[] | undefined;

/** Grid offsets around a point out to REACH_STEPS * STEP, nearest first (computed once). */
function getOffsetsByDistance(): TPoint[] {
  if (!offsetsByDistance) {
    const range = Array.from({ length: 2 * REACH_STEPS + 1 }, (_, index) => (index - REACH_STEPS) * STEP);
    offsetsByDistance = range.flatMap((x) => range.map((y) => ({ x, y }))).sort((a, b) => a.x * a.x + a.y * a.y - (b.x * b.x + b.y * b.y));
  }
  return offsetsByDistance;
}

function isClear(candidate: TBox, occupied: readonly TBox[]): boolean {
  return occupied.every(
    (box) =>
      candidate.x + candidate.width + PLACEMENT_GAP <= box.x ||
      box.x + box.width + PLACEMENT_GAP <= candidate.x ||
      candidate.y + candidate.height + PLACEMENT_GAP <= box.y ||
      box.y + box.height + PLACEMENT_GAP <= candidate.y,
  );
}

/** The free spot nearest to `preferred` within REACH_STEPS * STEP, or `preferred` when that area is full. */
function findNearestFreePosition(occupied: readonly TBox[], size: TSize, preferred: TPoint): TPoint {
  for (const offset of getOffsetsByDistance()) {
    const candidate = { x: Math.round(preferred.x + offset.x), y: Math.round(preferred.y + offset.y), ...size };
    if (isClear(candidate, occupied)) return { x: candidate.x, y: candidate.y };
  }
  return preferred;
}

/**
 * Where a node added from the palette goes (the top-left corner of its footprint, card and run area): the first spot
 * in reading order inside `view` (rows from the top, each from the left) that keeps a gap to every occupied box. So
 * nodes added one after another line up left to right as the graph flows, in view, and never cover each other's ports.
 * When the view has no room left: the free spot nearest to its middle.
 */
export function findFreePosition(occupied: readonly TBox[], size: TSize, view: TBox): TPoint {
  const reach = { x: view.x - PLACEMENT_GAP, y: view.y - PLACEMENT_GAP, right: view.x + view.width + PLACEMENT_GAP, bottom: view.y + view.height + PLACEMENT_GAP };
  const nearby = occupied.filter((box) => box.x < reach.right && box.x + box.width > reach.x && box.y < reach.bottom && box.y + box.height > reach.y);
  const stepX = Math.max(STEP, view.width / MAX_STEPS_ACROSS);
  const stepY = Math.max(STEP, view.height / MAX_STEPS_ACROSS);
  for (let y = view.y; y + size.height <= view.y + view.height; y += stepY) {
    for (let x = view.x; x + size.width <= view.x + view.width; x += stepX) {
      const candidate = { x: Math.round(x), y: Math.round(y), ...size };
      if (isClear(candidate, nearby)) return { x: candidate.x, y: candidate.y };
    }
  }
  const middle = { x: view.x + view.width / 2 - size.width / 2, y: view.y + view.height / 2 - size.height / 2 };
  return findNearestFreePosition(occupied, size, middle);
}
