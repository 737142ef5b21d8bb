import { describe, expect, it } from "vitest";
import { diffGraphs } from "./diff-graphs";
import { buildValidTestGraph } from "./test-node-types";

describe("diffGraphs", () => {
  it("finds nothing between equal graphs", () => {
    const diff = diffGraphs(buildValidTestGraph(), buildValidTestGraph());
    expect(diff).toEqual({ nodes: { added: [], removed: [], changed: [] }, edges: { added: [], removed: [], changed: [] }, settings: [], isEmpty: true });
  });

  it("lists added and removed nodes and edges, matched by id", () => {
    const before = buildValidTestGraph();
    const after = buildValidTestGraph();
    const search = after.nodes.splice(4, 1)[0]!;
    after.edges = after.edges.filter((edge) => edge.source.node !== "search");
    const note = { id: "note", type: "test/output", typeVersion: 1, label: "Note", position: { x: 0, y: 300 }, config: {} };
    const noteEdge = { id: "e9", source: { node: "agent", port: "out" }, target: { node: "note", port: "in" } };
    after.nodes.push(note);
    after.edges.push(noteEdge);
    const diff = diffGraphs(before, after);
    expect(diff.nodes).toEqual({ added: [note], removed: [search], changed: [] });
    expect(diff.edges).toEqual({ added: [noteEdge], removed: [before.edges[4]], changed: [] });
    expect(diff.isEmpty).toBe(false);
  });

  it("tells a move apart from an edit and lists config changes at their paths", () => {
    const before = buildValidTestGraph();
    const after = buildValidTestGraph();
    after.nodes[0]!.position = { x: 50, y: 80 };
    after.nodes[1]!.config = { template: "Shorten {{page}}", maxLength: 200 };
    after.nodes[1]!.label = "Shorten";
    after.nodes[2]!.disabled = false;
    after.nodes[3]!.disabled = true;
    after.nodes[3]!.pinned = { out: "cached" };
    const changed = diffGraphs(before, after).nodes.changed;
    expect(changed.map(({ id, fields }) => ({ id, fields }))).toEqual([
      { id: "input", fields: ["position"] },
      { id: "prompt", fields: ["label", "config"] },
      { id: "http", fields: ["pinned", "disabled"] },
    ]);
    expect(changed[1]!.configChanges).toEqual([
      { path: ["template"], before: "Summarise {{page}}", after: "Shorten {{page}}" },
      { path: ["maxLength"], before: undefined, after: 200 },
    ]);
    expect(changed[0]).toMatchObject({ before: before.nodes[0], after: after.nodes[0], configChanges: [] });
  });

  it("reports a re-wired edge and changed settings", () => {
    const before = buildValidTestGraph();
    const after = buildValidTestGraph();
    after.edges[2]!.target = { node: "output", port: "in" };
    after.settings = { maxSteps: 50 };
    const diff = diffGraphs(before, after);
    expect(diff.edges.changed).toEqual([{ id: "e3", before: before.edges[2], after: after.edges[2] }]);
    expect(diff.settings).toEqual([{ path: ["maxSteps"], before: undefined, after: 50 }]);
  });

  it("reports a node that joined or left a group as a change of its group", () => {
    const before = buildValidTestGraph();
    const after = buildValidTestGraph();
    after.nodes[0]!.group = "frame";
    expect(diffGraphs(before, after).nodes.changed.map((change) => [change.id, change.fields])).toEqual([[after.nodes[0]!.id, ["group"]]]);
    expect(diffGraphs(after, before).nodes.changed.map((change) => change.fields)).toEqual([["group"]]);
  });
});
