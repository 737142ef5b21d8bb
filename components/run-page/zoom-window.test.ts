import { describe, expect, it } from "vitest";
import { getTimeTicks } from "./time-ticks";
import { clampWindow, rangeToWindow, windowToRange, zoomWindow } from "./zoom-window";

const bounds = { from: 10_000, to: 20_000 };

describe("zoom window", () => {
  it("zooms in around the pointer, keeping the instant under it in place", () => {
    expect(zoomWindow(bounds, bounds, 0.5, 0.5)).toEqual({ from: 12_500, to: 17_500 });
    expect(zoomWindow(bounds, bounds, 0.5, 0)).toEqual({ from: 10_000, to: 15_000 });
    expect(zoomWindow({ from: 12_000, to: 14_000 }, bounds, 0.1, 0.25)).toEqual({ from: 12_450, to: 12_650 });
  });

  it("zooms out no further than the whole run, and slides back inside it", () => {
    expect(zoomWindow({ from: 18_000, to: 20_000 }, bounds, 4, 0.9)).toEqual({ from: 12_000, to: 20_000 });
    expect(zoomWindow({ from: 12_000, to: 14_000 }, bounds, 100, 0.5)).toEqual(bounds);
    expect(clampWindow({ from: 19_999, to: 19_999 }, bounds)).toEqual({ from: 19_999, to: 20_000 });
  });

  it("converts to and from the range slider's handles", () => {
    expect(windowToRange({ from: 12_500, to: 15_000 }, bounds)).toEqual([250, 500]);
    expect(rangeToWindow([250, 500], bounds)).toEqual({ from: 12_500, to: 15_000 });
    expect(rangeToWindow([500, 250], bounds)).toEqual({ from: 12_500, to: 15_000 });
    expect(rangeToWindow([400, 400], bounds)).toEqual({ from: 14_000, to: 14_001 });
  });
});

describe("getTimeTicks", () => {
  it("labels round offsets from the run's start inside the window", () => {
    expect(getTimeTicks({ from: 1_000, to: 2_000 }, 1_000, 5).map((tick) => [tick.position, tick.label])).toEqual([
      [0, "0 ms"],
      [0.2, "200 ms"],
      [0.4, "400 ms"],
      [0.6, "600 ms"],
      [0.8, "800 ms"],
      [1, "1 s"],
    ]);
    expect(getTimeTicks({ from: 31_000, to: 91_000 }, 1_000, 3).map((tick) => tick.label)).toEqual(["40 s", "1 m 00 s", "1 m 20 s"]);
  });
});
