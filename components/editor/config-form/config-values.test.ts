import { describe, expect, it } from "vitest";
import { pickVariant, problemsForField, setAtPath, toNodeConfigProblems } from "./config-values";
import { toConfigFields } from "./field-model";

describe("setAtPath", () => {
  it("sets a nested list item's field without touching the rest, and removes an emptied setting", () => {
    const config = { turns: [{ content: "Hi" }, { content: "", toolCalls: [{ name: "" }] }], other: 1 };
    const next = setAtPath(config, ["turns", 1, "toolCalls", 0, "name"], "count_words");
    expect(next).toEqual({ turns: [{ content: "Hi" }, { content: "", toolCalls: [{ name: "count_words" }] }], other: 1 });
    expect(next.turns).not.toBe(config.turns);
    expect((next.turns as unknown[])[0]).toBe(config.turns[0]);
    expect(setAtPath({ timeoutMs: 5, code: "x" }, ["timeoutMs"], undefined)).toEqual({ code: "x" });
    expect(setAtPath({ while: { path: "a" } }, ["while", "path"], "")).toEqual({});
    expect(setAtPath({}, ["mapping"], {})).toEqual({ mapping: {} });
  });
});

describe("pickVariant", () => {
  const [version] = toConfigFields({ type: "object", properties: { version: { anyOf: [{ type: "integer", minimum: 1 }, { enum: ["latest", "draft"] }] } } }, undefined);
  const variants = version!.kind === "choice" ? version!.variants : [];
  it("finds the form a value is written in, and the closest one for a wrong value", () => {
    expect(pickVariant(variants, 3)).toBe(0);
    expect(pickVariant(variants, "draft")).toBe(1);
    expect(pickVariant(variants, undefined)).toBe(-1);
    expect(pickVariant(variants, 0)).toBe(0);
    expect(pickVariant(variants, "newest")).toBe(1);
  });
});

describe("problems by field", () => {
  const problems = toNodeConfigProblems(
    [
      { code: "MISSING_CONFIG", message: '"Model" is missing the required setting "turns"', path: ["nodes", 2, "config", "turns"], nodeId: "model" },
      { code: "INVALID_CONFIG", message: "bad name", path: ["nodes", 2, "config", "turns", 0, "toolCalls", 0, "name"], nodeId: "model" },
      { code: "INVALID_CONFIG", message: "other node", path: ["nodes", 3, "config", "turns"], nodeId: "other" },
      { code: "MISSING_INPUT", message: "not about config", path: ["edges"], nodeId: "model" },
    ],
    "model",
  );
  it("keeps the selected node's config problems, located inside its config", () => {
    expect(problems.map((problem) => problem.configPath)).toEqual([["turns"], ["turns", 0, "toolCalls", 0, "name"]]);
  });
  it("gives each problem to the deepest field that shows it", () => {
    expect(problemsForField(problems, ["turns"], [["turns", 0]]).map((problem) => problem.message)).toEqual(['"Model" is missing the required setting "turns"']);
    expect(problemsForField(problems, ["turns", 0, "toolCalls", 0, "name"]).map((problem) => problem.message)).toEqual(["bad name"]);
  });
});
