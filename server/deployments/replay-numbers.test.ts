import { describe, expect, it } from "vitest";
import { isReplayChanged } from "./replay-numbers";

describe("isReplayChanged", () => {
  it("is false for the same status and an equal output, whatever the key order", () => {
    expect(isReplayChanged({ status: "succeeded", output: { a: 1, b: { c: [1, 2] } } }, { status: "succeeded", output: { b: { c: [1, 2] }, a: 1 } })).toBe(false);
    expect(isReplayChanged({ status: "failed", output: null }, { status: "failed", output: null })).toBe(false);
  });

  it("is true for another status or any changed leaf of the output", () => {
    expect(isReplayChanged({ status: "succeeded", output: { a: 1 } }, { status: "failed", output: { a: 1 } })).toBe(true);
    expect(isReplayChanged({ status: "succeeded", output: { a: { b: "x" } } }, { status: "succeeded", output: { a: { b: "y" } } })).toBe(true);
    expect(isReplayChanged({ status: "succeeded", output: { a: 1 } }, { status: "succeeded", output: { a: 1, extra: true } })).toBe(true);
  });
});
