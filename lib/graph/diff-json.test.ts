import { describe, expect, it } from "vitest";
import { diffJson } from "./diff-json";

describe("diffJson", () => {
  it("finds nothing between equal values, whatever their key order", () => {
    expect(diffJson({ a: [1, { b: null }], c: "x" }, { c: "x", a: [1, { b: null }] })).toEqual([]);
  });

  it("reports a changed leaf at its path", () => {
    expect(diffJson({ model: { name: "a", temperature: 0.2 } }, { model: { name: "a", temperature: 0.7 } })).toEqual([
      { path: ["model", "temperature"], before: 0.2, after: 0.7 },
    ]);
  });

  it("reports added and removed keys with undefined on the missing side", () => {
    expect(diffJson({ a: 1, b: 2 }, { b: 2, c: { d: 3 } })).toEqual([
      { path: ["a"], before: 1, after: undefined },
      { path: ["c"], before: undefined, after: { d: 3 } },
    ]);
  });

  it("compares arrays index by index", () => {
    expect(diffJson({ list: ["a", "b"] }, { list: ["a", "c", "d"] })).toEqual([
      { path: ["list", 1], before: "b", after: "c" },
      { path: ["list", 2], before: undefined, after: "d" },
    ]);
  });

  it("reports a change of kind as one change", () => {
    expect(diffJson({ a: [1] }, { a: { 0: 1 } })).toEqual([{ path: ["a"], before: [1], after: { 0: 1 } }]);
    expect(diffJson(1, "1")).toEqual([{ path: [], before: 1, after: "1" }]);
  });
});
