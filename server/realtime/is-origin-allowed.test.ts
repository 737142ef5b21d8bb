import { describe, expect, it } from "vitest";
import { isOriginAllowed } from "./is-origin-allowed";

describe("isOriginAllowed", () => {
  const allowed = ["http://localhost:3000"];
  it("accepts the studio's own origin only", () => {
    expect(isOriginAllowed("http://localhost:3000", allowed)).toBe(true);
    expect(isOriginAllowed("http://localhost:3001", allowed)).toBe(false);
    expect(isOriginAllowed("http://evil.example", allowed)).toBe(false);
  });
  it("refuses a missing or malformed Origin", () => {
    expect(isOriginAllowed(undefined, allowed)).toBe(false);
    expect(isOriginAllowed("null", allowed)).toBe(false);
  });
});
