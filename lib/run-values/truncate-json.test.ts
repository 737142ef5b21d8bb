import { describe, expect, it } from "vitest";
import { isTruncatedJson, truncateJson } from "./truncate-json";

describe("truncateJson", () => {
  it("keeps values up to the limit as they are", () => {
    const value = { answer: "x".repeat(80) };
    expect(truncateJson(value, 100)).toBe(value);
    expect(truncateJson(42, 1)).toBe(42);
    expect(truncateJson(null, 1)).toBeNull();
    expect(truncateJson(undefined, 1)).toBeUndefined();
  });

  it("replaces a bigger value by its size and the first characters of its JSON", () => {
    const big = { rows: Array.from({ length: 1_000 }, (_, index) => ({ index })) };
    const truncated = truncateJson(big, 50);
    expect(isTruncatedJson(truncated)).toBe(true);
    expect(truncated).toEqual({ $truncated: { chars: JSON.stringify(big).length, preview: JSON.stringify(big).slice(0, 50) } });
    expect(truncateJson("é".repeat(60), 50)).toMatchObject({ $truncated: { chars: 62 } });
  });

  it("tells a marker from a value that merely has the key", () => {
    expect(isTruncatedJson({ $truncated: { chars: 3, preview: "" } })).toBe(true);
    expect(isTruncatedJson({ $truncated: true })).toBe(false);
    expect(isTruncatedJson({ $truncated: { chars: 3, preview: "" }, other: 1 })).toBe(false);
    expect(isTruncatedJson([{ $truncated: { chars: 3 } }])).toBe(false);
  });
});
