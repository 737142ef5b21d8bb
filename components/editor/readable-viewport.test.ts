import { describe, expect, it } from "vitest";
import { READABLE_ZOOM } from "./node-card-geometry";
import { FIT_PADDING, getReadableViewport } from "./readable-viewport";

const PANE = { width: 760, height: 700 };

describe("getReadableViewport", () => {
  it("shows a graph that fits at a readable zoom whole and centred", () => {
    const bounds = { x: 0, y: 0, width: 860, height: 700 };
    const view = getReadableViewport(bounds, PANE);
    expect(view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(view.zoom).toBeCloseTo((PANE.width - FIT_PADDING.left - FIT_PADDING.right) / bounds.width);
    expect(view.x).toBeCloseTo(FIT_PADDING.left);
    expect(view.y).toBeGreaterThanOrEqual(FIT_PADDING.top);
    expect(view.y + bounds.height * view.zoom).toBeLessThanOrEqual(PANE.height - FIT_PADDING.bottom);
  });

  it("never zooms a small graph past 125 %", () => {
    expect(getReadableViewport({ x: 100, y: 100, width: 180, height: 80 }, PANE).zoom).toBe(1.25);
  });

  it("opens a graph too big to read whole at the readable zoom, at its top-left corner where it starts", () => {
    const bounds = { x: -200, y: 40, width: 4_000, height: 2_500 };
    const view = getReadableViewport(bounds, PANE);
    expect(view.zoom).toBe(READABLE_ZOOM);
    expect(view.x + bounds.x * view.zoom).toBeCloseTo(FIT_PADDING.left);
    expect(view.y + bounds.y * view.zoom).toBeCloseTo(FIT_PADDING.top);
  });

  it("keeps a long, flat graph whole from top to bottom while it starts at the left", () => {
    const bounds = { x: 0, y: 0, width: 4_000, height: 200 };
    const view = getReadableViewport(bounds, PANE);
    expect(view.x).toBeCloseTo(FIT_PADDING.left);
    expect(view.y).toBeGreaterThan(FIT_PADDING.top);
    expect(view.y + bounds.height * view.zoom).toBeLessThan(PANE.height - FIT_PADDING.bottom);
  });
});
