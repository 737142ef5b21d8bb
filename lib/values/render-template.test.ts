import { describe, expect, it } from "vitest";
import { getAtPath } from "./get-at-path";
import { renderTemplate } from "./render-template";

describe("renderTemplate", () => {
  it("fills dotted and indexed paths, JSON for objects, empty for missing", () => {
    const data = { input: { user: { name: "Ada" }, tags: ["a", "b"], n: 3 } };
    expect(renderTemplate("Hi {{ input.user.name }} ({{input.tags[1]}}, {{input.n}}) {{input.missing}}{{input.user}}", data)).toBe(
      'Hi Ada (b, 3) {"name":"Ada"}',
    );
  });

  it("leaves anything that is not a plain path untouched", () => {
    expect(renderTemplate("{{ process.exit() }} {{a + b}} {{}}", { a: 1 })).toBe("{{ process.exit() }} {{a + b}} {{}}");
  });
});

describe("getAtPath", () => {
  it("never reaches a prototype", () => {
    expect(getAtPath({}, "constructor")).toBeUndefined();
    expect(getAtPath({ a: {} }, "a.__proto__")).toBeUndefined();
    expect(getAtPath({ a: {} }, "a.toString")).toBeUndefined();
    expect(getAtPath({ a: [5] }, "a.0")).toBe(5);
  });
});
