import { describe, expect, it } from "vitest";
import { toCanonicalJson } from "./canonical-json";

describe("toCanonicalJson", () => {
  it("gives equal strings for values that differ only in key order", () => {
    expect(toCanonicalJson({ b: 1, a: { d: [1, { z: 0, y: 1 }], c: null } })).toBe(toCanonicalJson({ a: { c: null, d: [1, { y: 1, z: 0 }] }, b: 1 }));
  });

  it("keeps array order, which is meaningful", () => {
    expect(toCanonicalJson([1, 2])).not.toBe(toCanonicalJson([2, 1]));
  });
});
