import { describe, expect, it } from "vitest";
import { createSimpleGraphSpec } from "@/server/testing/simple-graph-spec";
import { removeNodesAndEdges } from "./graph-edits";

describe("removeNodesAndEdges", () => {
  it("removes nodes with their edges", () => {
    const spec = removeNodesAndEdges(createSimpleGraphSpec(), new Set(["prompt"]), new Set());
    expect(spec.nodes.map((node) => node.id)).toEqual(["question", "answer"]);
    expect(spec.edges).toEqual([]);
  });
});
