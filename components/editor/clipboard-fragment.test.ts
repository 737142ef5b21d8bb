import { describe, expect, it } from "vitest";
import { validateGraphSpec } from "@/lib/graph";
import { createSimpleGraphSpec } from "@/server/testing/simple-graph-spec";
import { copyFragment, decodeFragment, encodeFragment, placeFragment, type TFragment } from "./clipboard-fragment";
import minimalV1 from "@/lib/graph/format/fixtures/v1-minimal.json";

function roundTrip(fragment: TFragment): TFragment {
  const decoded = decodeFragment(encodeFragment(fragment));
  if (!decoded.ok) throw new Error(decoded.reason);
  return decoded.fragment;
}

describe("copy and paste of a fragment", () => {
  it("pastes copied nodes with new ids, their top-left corner where asked, and the edges between them", () => {
    const spec = createSimpleGraphSpec();
    const fragment = roundTrip(copyFragment(spec, new Set(["question", "prompt"])));
    const pasted = placeFragment(spec, fragment, { x: 1000, y: 500 });
    expect(pasted.nodes.map((node) => [node.id, node.position])).toEqual([["question-copy", { x: 1000, y: 500 }], ["prompt-copy", { x: 1300, y: 500 }]]);
    expect(pasted.edges).toMatchObject([{ source: { node: "question-copy" }, target: { node: "prompt-copy" } }]);
    expect(pasted.spec.nodes).toHaveLength(5);
    expect(validateGraphSpec(pasted.spec).ok).toBe(true);

    const again = placeFragment(pasted.spec, fragment, { x: 0, y: 0 });
    expect(again.nodes.map((node) => node.id)).toEqual(["question-copy-2", "prompt-copy-2"]);
  });

  it("reads a whole exported graph as all of its nodes", () => {
    const decoded = decodeFragment(JSON.stringify(createSimpleGraphSpec()));
    expect(decoded.ok && decoded.fragment.nodes.map((node) => node.id)).toEqual(["question", "prompt", "answer"]);
  });

  it("reads a graph exported by an older studio, and refuses one from a newer studio by its format", () => {
    const older = decodeFragment(JSON.stringify(minimalV1));
    expect(older.ok && older.fragment.nodes.map((node) => [node.id, node.label])).toEqual([["in", ""], ["shout", ""], ["out", "Result"]]);
    const newer = decodeFragment(JSON.stringify({ ...minimalV1, format: "openclaw.graph/v9" }));
    expect(newer).toEqual({ ok: false, reason: "the copied nodes are not valid: format: The graph is in format openclaw.graph/v9, newer than this studio reads (openclaw.graph/v2 at most): open it in a newer studio" });
  });

  it("says why clipboard text is not nodes", () => {
    const reasonOf = (text: string) => {
      const decoded = decodeFragment(text);
      return decoded.ok ? "decoded" : decoded.reason;
    };
    expect(reasonOf("  ")).toBe("the clipboard is empty");
    expect(reasonOf("Hello there, this is a sentence someone copied from a mail")).toBe('the clipboard holds text ("Hello there, this is a sentence someone…"), not nodes copied in the studio');
    expect(reasonOf('{"name":"not a graph"}')).toBe("the clipboard holds JSON that is not nodes copied in the studio");
    expect(reasonOf('{"format":"openclaw.graph/v1+fragment","nodes":[{"id":"x","type":"core/input","position":{"x":"left","y":0}}],"edges":[]}')).toMatch(/^the copied nodes are not valid: nodes\[0\]\.position\.x: /);
    expect(reasonOf('{"format":"openclaw.graph/v1+fragment","nodes":[{"id":"x","type":"core/input","position":{"x":0,"y":0},"__proto__":{"a":1}}],"edges":[]}')).toMatch(/^the copied nodes are not valid/);
    expect(reasonOf('{"format":"openclaw.graph/v1+fragment","nodes":[],"edges":[]}')).toBe("the copied fragment has no nodes");
  });
});
