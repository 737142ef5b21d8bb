// What changed between two versions of a graph, for version history and run diff (DESIGN section 3).
import { diffJson, type TJsonChange } from "./diff-json";
import type { TGraphEdge, TGraphNode, TGraphSpec } from "./spec";

export type TNodeField = "type" | "typeVersion" | "label" | "config" | "pinned" | "disabled" | "group" | "position";

export type TNodeChange = {
  id: string;
  before: TGraphNode;
  after: TGraphNode;
  /** In the order of TNodeField; exactly ["position"] for a node that was only moved, which history shows apart. */
  fields: TNodeField[];
  /** Leaf changes inside `config`, paths relative to it. */
  configChanges: TJsonChange[];
};

/** Same edge id, different ends: the edge was re-wired. */
export type TEdgeChange = { id: string; before: TGraphEdge; after: TGraphEdge };

export type TGraphDiff = {
  nodes: { added: TGraphNode[]; removed: TGraphNode[]; changed: TNodeChange[] };
  edges: { added: TGraphEdge[]; removed: TGraphEdge[]; changed: TEdgeChange[] };
  /** Leaf changes inside `settings`, paths relative to it. */
  settings: TJsonChange[];
  isEmpty: boolean;
};

/** Compares two specs, matching nodes and edges by id. Added and changed follow `after`'s order, removed `before`'s. */
export function diffGraphs(before: TGraphSpec, after: TGraphSpec): TGraphDiff {
  const nodes = matchById(before.nodes, after.nodes);
  const edges = matchById(before.edges, after.edges);
  const changedNodes = nodes.kept.map(([old, current]) => diffNode(old, current)).filter((change) => change.fields.length > 0);
  const changedEdges = edges.kept
    .filter(([old, current]) => !haveSameEnds(old, current))
    .map(([old, current]) => ({ id: current.id, before: old, after: current }));
  const settings = diffJson(before.settings, after.settings);
  const counts = [nodes.added, nodes.removed, changedNodes, edges.added, edges.removed, changedEdges, settings].map((list) => list.length);
  return {
    nodes: { added: nodes.added, removed: nodes.removed, changed: changedNodes },
    edges: { added: edges.added, removed: edges.removed, changed: changedEdges },
    settings,
    isEmpty: counts.every((count) => count === 0),
  };
}

function diffNode(before: TGraphNode, after: TGraphNode): TNodeChange {
  const configChanges = diffJson(before.config, after.config);
  const isChanged: Record<TNodeField, boolean> = {
    type: before.type !== after.type,
    typeVersion: before.typeVersion !== after.typeVersion,
    label: before.label !== after.label,
    config: configChanges.length > 0,
    pinned: diffJson(before.pinned, after.pinned).length > 0,
    // Absent and false mean the same: a node is enabled unless disabled is true.
    disabled: (before.disabled ?? false) !== (after.disabled ?? false),
    group: before.group !== after.group,
    position: before.position.x !== after.position.x || before.position.y !== after.position.y,
  };
  const fields = (Object.keys(isChanged) as TNodeField[]).filter((field) => isChanged[field]);
  return { id: after.id, before, after, fields, configChanges };
}

function haveSameEnds(before: TGraphEdge, after: TGraphEdge): boolean {
  return (["source", "target"] as const).every((end) => before[end].node === after[end].node && before[end].port === after[end].port);
}

function matchById<T extends { id: string }>(before: readonly T[], after: readonly T[]) {
  const beforeById = new Map(before.map((item) => [item.id, item]));
  const afterIds = new Set(after.map((item) => item.id));
  return {
    added: after.filter((item) => !beforeById.has(item.id)),
    removed: before.filter((item) => !afterIds.has(item.id)),
    kept: after.flatMap((item): [T, T][] => {
      const old = beforeById.get(item.id);
      return old ? [[old, item]] : [];
    }),
  };
}
