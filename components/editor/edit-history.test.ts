import { describe, expect, it } from "vitest";
import type { TGraphNode, TGraphSpec } from "@/lib/graph";
import { createSimpleGraphSpec } from "@/server/testing/simple-graph-spec";
import { createEditHistory, describeEdit, invertEdit, revertEdit } from "./edit-history";
import { addEdge, removeNodesAndEdges } from "./graph-edits";
import { groupNodes } from "./group-edits";

const base = createSimpleGraphSpec();

function updateNode(spec: TGraphSpec, id: string, change: Partial<TGraphNode>): TGraphSpec {
  return { ...spec, nodes: spec.nodes.map((node) => (node.id === id ? { ...node, ...change } : node)) };
}

function addNode(spec: TGraphSpec, id: string, position = { x: 0, y: 400 }): TGraphSpec {
  return { ...spec, nodes: [...spec.nodes, { id, type: "core/template", typeVersion: 1, label: id, position, config: { template: "x" } }] };
}

const node = (spec: TGraphSpec, id: string) => spec.nodes.find((candidate) => candidate.id === id);

/** The user's edit from `before` to `after`, then someone else's save, then one undo. */
function undoAfterRemote(before: TGraphSpec, after: TGraphSpec, remote: (spec: TGraphSpec) => TGraphSpec) {
  return revertEdit(remote(after), describeEdit(before, after)!);
}

describe("describeEdit", () => {
  it("finds no edit when nothing changed, whatever the key order", () => {
    const reordered = { ...base, nodes: base.nodes.map((item) => Object.fromEntries(Object.entries(item).reverse()) as TGraphNode) };
    expect(describeEdit(base, reordered)).toBeUndefined();
  });
});

describe("undo after someone else's save", () => {
  it("moves the user's node back and keeps the other node's rename and the node they added", () => {
    const moved = updateNode(base, "prompt", { position: { x: 300, y: 300 } });
    const result = undoAfterRemote(base, moved, (spec) => addNode(updateNode(spec, "answer", { label: "Renamed elsewhere" }), "theirs"));
    expect(node(result.spec, "prompt")!.position).toEqual({ x: 300, y: 80 });
    expect(node(result.spec, "answer")!.label).toBe("Renamed elsewhere");
    expect(node(result.spec, "theirs")).toBeDefined();
    expect(result.keptCount).toBe(0);
  });

  it("reverts only the fields the user changed: their move goes, a rename of the same node by someone else stays", () => {
    const moved = updateNode(base, "prompt", { position: { x: 300, y: 300 } });
    const result = undoAfterRemote(base, moved, (spec) => updateNode(spec, "prompt", { label: "Their label" }));
    expect(node(result.spec, "prompt")).toMatchObject({ position: { x: 300, y: 80 }, label: "Their label" });
  });

  it("leaves a node alone when someone else changed the same field since, and says so", () => {
    const moved = updateNode(base, "prompt", { position: { x: 300, y: 300 } });
    const theirs = (spec: TGraphSpec) => updateNode(spec, "prompt", { position: { x: 900, y: 900 } });
    const result = undoAfterRemote(base, moved, theirs);
    expect(node(result.spec, "prompt")!.position).toEqual({ x: 900, y: 900 });
    expect(result.reverted).toBeUndefined();
    expect(result.keptCount).toBe(1);
  });

  it("undoes a paste but keeps a pasted node that someone else has connected since", () => {
    let pasted = addNode(addNode(base, "a"), "b");
    pasted = addEdge(pasted, { source: "a", sourcePort: "out", target: "b", targetPort: "in" }).spec;
    const result = undoAfterRemote(base, pasted, (spec) => addEdge(spec, { source: "b", sourcePort: "out", target: "answer", targetPort: "in" }).spec);
    expect(result.spec.nodes.map((item) => item.id)).toEqual(["question", "prompt", "answer", "b"]);
    expect(result.spec.edges.map((edge) => edge.id)).toEqual(["question-prompt", "prompt-answer", "b-answer"]);
    expect(result.keptCount).toBe(1);
  });

  it("brings a deleted node back in its place, without an edge to a node someone else removed since", () => {
    const deleted = removeNodesAndEdges(base, new Set(["prompt"]), new Set());
    const result = undoAfterRemote(base, deleted, (spec) => removeNodesAndEdges(spec, new Set(["answer"]), new Set()));
    expect(result.spec.nodes.map((item) => item.id)).toEqual(["question", "prompt"]);
    expect(result.spec.edges.map((edge) => edge.id)).toEqual(["question-prompt"]);
    expect(result.keptCount).toBe(1);
  });

  it("reverts the user's setting and keeps the one someone else set", () => {
    const limited = { ...base, settings: { maxSteps: 10 } };
    const result = undoAfterRemote(base, limited, (spec) => ({ ...spec, settings: { ...spec.settings, tokenBudget: 500 } }));
    expect(result.spec.settings).toEqual({ tokenBudget: 500 });
  });

  it("ungroups the user's members but keeps the frame when someone else has put a node in it since", () => {
    const grouped = groupNodes(base, new Set(["question", "prompt"]), new Map())!;
    const result = undoAfterRemote(base, grouped.spec, (spec) => updateNode(spec, "answer", { group: grouped.groupId }));
    expect(node(result.spec, grouped.groupId)).toBeDefined();
    expect(node(result.spec, "question")!.group).toBeUndefined();
    expect(node(result.spec, "prompt")!.group).toBeUndefined();
    expect(node(result.spec, "answer")!.group).toBe(grouped.groupId);
  });
});

describe("redo", () => {
  it("redoes exactly what the undo reverted, on top of later remote changes", () => {
    const moved = updateNode(base, "prompt", { position: { x: 300, y: 300 } });
    const undone = revertEdit(moved, describeEdit(base, moved)!);
    const remote = updateNode(undone.spec, "answer", { label: "Theirs" });
    const redone = revertEdit(remote, invertEdit(undone.reverted!));
    expect(node(redone.spec, "prompt")!.position).toEqual({ x: 300, y: 300 });
    expect(node(redone.spec, "answer")!.label).toBe("Theirs");
  });
});

describe("the history's stacks", () => {
  it("adds one entry per edit and none for an edit that changed nothing; one undo reverts the newest only", () => {
    const history = createEditHistory();
    const renamed = updateNode(base, "question", { label: "Asked" });
    const moved = updateNode(renamed, "prompt", { position: { x: 300, y: 300 } });
    expect(history.record(base, renamed)).toBe(true);
    expect(history.record(renamed, moved)).toBe(true);
    expect(history.record(moved, moved)).toBe(false);
    const undone = history.undo(moved)!;
    expect(undone.spec).toEqual(renamed);
    expect(history.sizes()).toEqual({ past: 1, future: 1 });
    expect(history.redo(undone.spec!)!.spec).toEqual(moved);
  });

  it("drops an entry nothing of which can be reverted, and a new edit clears what was undone", () => {
    const history = createEditHistory();
    const moved = updateNode(base, "prompt", { position: { x: 300, y: 300 } });
    history.record(base, moved);
    const step = history.undo(updateNode(moved, "prompt", { position: { x: 900, y: 900 } }));
    expect(step).toEqual({ spec: undefined, keptCount: 1 });
    expect(history.sizes()).toEqual({ past: 0, future: 0 });

    history.record(base, moved);
    history.undo(moved);
    history.record(base, updateNode(base, "answer", { label: "New" }));
    expect(history.sizes()).toEqual({ past: 1, future: 0 });
  });

  it("keeps the newest entries up to its limit", () => {
    const history = createEditHistory(2);
    const steps = [1, 2, 3].map((y) => updateNode(base, "prompt", { position: { x: 300, y } }));
    history.record(base, steps[0]!);
    history.record(steps[0]!, steps[1]!);
    history.record(steps[1]!, steps[2]!);
    expect(history.sizes().past).toBe(2);
    expect(history.undo(steps[2]!)!.spec).toEqual(steps[1]);
    expect(history.undo(steps[1]!)!.spec).toEqual(steps[0]);
    expect(history.undo(steps[0]!)).toBeUndefined();
  });
});
