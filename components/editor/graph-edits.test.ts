import { describe, expect, it } from "vitest";
import { validateGraphSpec } from "@/lib/graph";
import { createSimpleGraphSpec } from "@/server/testing/simple-graph-spec";
import { copyFragment, pasteFragment, removeNodesAndEdges } from "./graph-edits";

describe("copy and paste", () => {
  it("pastes copied nodes with new ids, offset, and the edges between them", () => {
    const spec = createSimpleGraphSpec();
    const text = copyFragment(spec, new Set(["question", "prompt"]));
    const pasted = pasteFragment(spec, text, { x: 40, y: 40 }, validateGraphSpec)!;
    expect(pasted.nodes.map((node) => node.id)).toEqual(["question-copy", "prompt-copy"]);
    expect(pasted.nodes[0]!.position).toEqual({ x: 40, y: 120 });
    expect(pasted.edges).toMatchObject([{ source: { node: "question-copy" }, target: { node: "prompt-copy" } }]);
    expect(pasted.spec.nodes).toHaveLength(5);
    expect(validateGraphSpec(pasted.spec).ok).toBe(true);

    const again = pasteFragment(pasted.spec, text, { x: 80, y: 80 }, validateGraphSpec)!;
    expect(again.nodes.map((node) => node.id)).toEqual(["question-copy-2", "prompt-copy-2"]);
  });

  it("ignores text that is not a fragment, or a fragment that fails validation", () => {
    const spec = createSimpleGraphSpec();
    expect(pasteFragment(spec, "hello", { x: 0, y: 0 }, validateGraphSpec)).toBeUndefined();
    expect(pasteFragment(spec, '{"format":"openclaw.graph/v1+fragment","nodes":[{"id":"x","type":"core/input","position":{"x":0,"y":0},"__proto__":{"a":1}}],"edges":[]}', { x: 0, y: 0 }, validateGraphSpec)).toBeUndefined();
  });

  it("removes nodes with their edges", () => {
    const spec = removeNodesAndEdges(createSimpleGraphSpec(), new Set(["prompt"]), new Set());
    expect(spec.nodes.map((node) => node.id)).toEqual(["question", "answer"]);
    expect(spec.edges).toEqual([]);
  });
});
