import { describe, expect, it } from "vitest";
import { buildTestGraph, buildValidTestGraph, testRegistry } from "../test-node-types";
import { findUnknownNodeTypes } from "./find-unknown-node-types";

describe("findUnknownNodeTypes", () => {
  it("finds nothing when every type is installed", () => {
    expect(findUnknownNodeTypes(buildValidTestGraph(), testRegistry)).toEqual([]);
  });

  it("reports a node whose type is not installed, by label or else by id", () => {
    const spec = buildTestGraph([["input", "input"], ["fetch", "acme/fetch", "Fetch"], ["x9", "acme/other"]]);
    expect(findUnknownNodeTypes(spec, testRegistry)).toEqual([
      { code: "UNKNOWN_NODE_TYPE", message: '"Fetch" has the node type "acme/fetch", which is not installed', path: ["nodes", 1, "type"], nodeId: "fetch" },
      { code: "UNKNOWN_NODE_TYPE", message: '"x9" has the node type "acme/other", which is not installed', path: ["nodes", 2, "type"], nodeId: "x9" },
    ]);
  });
});
