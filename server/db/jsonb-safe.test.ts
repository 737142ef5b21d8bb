import { describe, expect, it } from "vitest";
import { toJsonbText, toJsonbValue } from "./jsonb-safe";

describe("jsonb-safe JSON", () => {
  it("stores U+0000 in keys and values as U+FFFD and leaves everything else as it was", () => {
    const value = { "a\u0000b": ["x\u0000", { deep: "\u0000\u0000" }], when: new Date(0), literal: "\\u0000 typed by hand", n: 1 };
    expect(JSON.parse(toJsonbText(value))).toEqual({ "a\uFFFDb": ["x\uFFFD", { deep: "\uFFFD\uFFFD" }], when: "1970-01-01T00:00:00.000Z", literal: "\\u0000 typed by hand", n: 1 });
    // Only the backslash typed by hand is left: no escape Postgres would refuse.
    expect(toJsonbText(value).replaceAll("\\\\u0000", "")).not.toContain("\\u0000");
  });

  it("returns a value without U+0000 as the same object, untouched", () => {
    const value = { text: "plain", list: [1, "two"] };
    expect(toJsonbValue(value)).toBe(value);
    expect(toJsonbText(value)).toBe(JSON.stringify(value));
  });
});
