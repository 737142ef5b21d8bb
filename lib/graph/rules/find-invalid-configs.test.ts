import { describe, expect, it } from "vitest";
import { buildTestGraph, buildValidTestGraph, testRegistry } from "../test-node-types";
import { findInvalidConfigs } from "./find-invalid-configs";

describe("findInvalidConfigs", () => {
  it("finds nothing when every config fits its schema", () => {
    expect(findInvalidConfigs(buildValidTestGraph(), testRegistry)).toEqual([]);
  });

  it("reports a missing required setting as MISSING_CONFIG, naming the node and the setting", () => {
    const spec = buildTestGraph([["input", "input"], ["prompt", "template", "Prompt"]]);
    expect(findInvalidConfigs(spec, testRegistry)).toEqual([
      {
        code: "MISSING_CONFIG",
        message: '"Prompt" is missing the required setting "template"',
        path: ["nodes", 1, "config", "template"],
        nodeId: "prompt",
      },
    ]);
  });

  it("reports a wrong value as INVALID_CONFIG at its path inside the config", () => {
    const spec = buildTestGraph([["prompt", "template", "Prompt", { template: 5 }]]);
    expect(findInvalidConfigs(spec, testRegistry)).toEqual([
      {
        code: "INVALID_CONFIG",
        message: '"Prompt" has an invalid value in the setting "template": Expected string, got number',
        path: ["nodes", 0, "config", "template"],
        nodeId: "prompt",
      },
    ]);
  });

  it("locates nested problems and settings the type does not know", () => {
    const spec = buildTestGraph([["http", "http-tool", "", { url: "https://x", headers: [{ name: "a" }, {}], verb: "GET" }]]);
    const problems = findInvalidConfigs(spec, testRegistry);
    expect(problems.map(({ code, path }) => ({ code, path }))).toEqual([
      { code: "MISSING_CONFIG", path: ["nodes", 0, "config", "headers", 1, "name"] },
      { code: "INVALID_CONFIG", path: ["nodes", 0, "config", "verb"] },
    ]);
    expect(problems[0]!.message).toBe('"http" is missing the required setting "headers[1].name"');
    expect(problems[1]!.message).toBe('"http" has an invalid value in the setting "verb": Property "verb" is not allowed');
  });

  it("skips nodes of unknown type, which have their own problem", () => {
    expect(findInvalidConfigs(buildTestGraph([["x", "acme/x", "", { any: 1 }]]), testRegistry)).toEqual([]);
  });
});
