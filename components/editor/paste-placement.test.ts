import { describe, expect, it } from "vitest";
import { choosePasteTopLeft, PASTE_GAP } from "./paste-placement";

const card = (x: number, y: number) => ({ x, y, width: 180, height: 180 });
const overlaps = (a: ReturnType<typeof card>, b: ReturnType<typeof card>) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("choosePasteTopLeft", () => {
  const originals = [card(0, 0), card(300, 0)];

  it("puts the paste's top-left corner at the pointer", () => {
    expect(choosePasteTopLeft({ kind: "pointer", at: { x: 512.4, y: 640.6 } }, originals, originals)).toEqual({ x: 512, y: 641 });
  });

  it("without a pointer, puts a paste into the same graph under the originals, clear of them", () => {
    const topLeft = choosePasteTopLeft({ kind: "beside", from: { x: 0, y: 0 } }, originals, originals);
    expect(topLeft).toEqual({ x: 0, y: 180 + PASTE_GAP });
    const pasted = originals.map((box) => card(box.x + topLeft.x, box.y + topLeft.y));
    expect(pasted.some((box) => originals.some((original) => overlaps(box, original)))).toBe(false);
  });

  it("puts a second paste under the first, and a paste into another graph where the nodes stood when that is free", () => {
    const firstPaste = [card(0, 204), card(300, 204)];
    expect(choosePasteTopLeft({ kind: "beside", from: { x: 0, y: 204 } }, originals, [...originals, ...firstPaste])).toEqual({ x: 0, y: 408 });
    expect(choosePasteTopLeft({ kind: "beside", from: { x: 0, y: 0 } }, originals, [card(0, 600)])).toEqual({ x: 0, y: 0 });
  });
});
