import { describe, expect, it } from "vitest";
import { validateGraphSpec } from "@/lib/graph";
import { GROUP_NODE_TYPE } from "@/lib/graph/group-node";
import { createSimpleGraphSpec } from "@/server/testing/simple-graph-spec";
import { copyFragment, placeFragment } from "./clipboard-fragment";
import { removeNodesAndEdges } from "./graph-edits";
import { findSelectedGroups, groupNodes, ungroupNodes } from "./group-edits";

const sizes = new Map([["question", { width: 200, height: 60 }], ["prompt", { width: 200, height: 60 }]]);

describe("groupNodes", () => {
  it("frames the selection with room for the label, placed before its first member, and the spec stays valid", () => {
    const { spec, groupId } = groupNodes(createSimpleGraphSpec(), new Set(["question", "prompt"]), sizes)!;
    expect(groupId).toBe("group");
    expect(spec.nodes.map((node) => [node.id, node.group])).toEqual([["group", undefined], ["question", "group"], ["prompt", "group"], ["answer", undefined]]);
    // Members at x 0..500, y 80..140: 24 px around them and 28 more above for the label.
    expect(spec.nodes[0]).toMatchObject({ type: GROUP_NODE_TYPE, label: "Group", position: { x: -24, y: 28 }, config: { width: 548, height: 136 } });
    expect(validateGraphSpec(spec).ok).toBe(true);
  });

  it("moves members out of their old group, removes a group left empty, and refuses to nest groups", () => {
    const first = groupNodes(createSimpleGraphSpec(), new Set(["question"]), sizes)!;
    expect(groupNodes(first.spec, new Set([first.groupId]), sizes)).toBeUndefined();
    const second = groupNodes(first.spec, new Set(["question", "prompt", first.groupId]), sizes)!;
    expect(second.groupId).toBe("group-2");
    expect(second.spec.nodes.map((node) => node.id)).toEqual(["group-2", "question", "prompt", "answer"]);
    expect(validateGraphSpec(second.spec).ok).toBe(true);
  });
});

describe("ungroupNodes", () => {
  it("removes the frames of the selected groups or members and keeps the members where they are", () => {
    const original = createSimpleGraphSpec();
    const { spec, groupId } = groupNodes(original, new Set(["question", "prompt"]), sizes)!;
    expect(findSelectedGroups(spec, new Set(["prompt"]))).toEqual(new Set([groupId]));
    expect(findSelectedGroups(spec, new Set(["answer"]))).toEqual(new Set());
    expect(ungroupNodes(spec, new Set([groupId]))).toEqual(original);
  });
});

describe("groups through delete, copy and paste", () => {
  it("deleting a frame alone leaves its members ungrouped", () => {
    const { spec, groupId } = groupNodes(createSimpleGraphSpec(), new Set(["question", "prompt"]), sizes)!;
    const removed = removeNodesAndEdges(spec, new Set([groupId]), new Set());
    expect(removed.nodes.map((node) => node.group)).toEqual([undefined, undefined, undefined]);
    expect(validateGraphSpec(removed).ok).toBe(true);
  });

  it("copying a frame copies its members; the paste is a new group of new nodes", () => {
    const { spec, groupId } = groupNodes(createSimpleGraphSpec(), new Set(["question", "prompt"]), sizes)!;
    const pasted = placeFragment(spec, copyFragment(spec, new Set([groupId])), { x: 40, y: 40 });
    expect(pasted.nodes.map((node) => [node.id, node.group])).toEqual([["group-copy", undefined], ["question-copy", "group-copy"], ["prompt-copy", "group-copy"]]);
    expect(pasted.edges).toHaveLength(1);
    expect(validateGraphSpec(pasted.spec).ok).toBe(true);
  });

  it("a member copied without its frame is pasted ungrouped", () => {
    const { spec } = groupNodes(createSimpleGraphSpec(), new Set(["question", "prompt"]), sizes)!;
    const pasted = placeFragment(spec, copyFragment(spec, new Set(["prompt"])), { x: 40, y: 40 });
    expect(pasted.nodes.map((node) => [node.id, node.group])).toEqual([["prompt-copy", undefined]]);
  });
});
