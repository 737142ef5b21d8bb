import { toCanonicalJson } from "@/lib/graph/canonical-json";
import type { TGraphEdge, TGraphNode, TGraphSettings, TGraphSpec } from "@/lib/graph";
import { isGroupNode } from "@/lib/graph/group-node";

/**
 * The undo history's entries are the user's own edits as changes, never whole specs. A snapshot of the spec before an
 * edit also holds everything others had saved by then, so restoring it after a remote save reverts their work too; a
 * change reverts only the nodes, edges and settings the edit touched, on top of whatever the graph is now.
 */

type TRecord = Record<string, unknown>;

/** One node or edge (or the settings) before and after the edit; undefined where it did not exist. */
export type TItemChange<T> = { id: string; before?: T; after?: T; beforeIndex: number; afterIndex: number };
export type TSpecEdit = {
  nodes: TItemChange<TGraphNode>[];
  edges: TItemChange<TGraphEdge>[];
  settings?: TItemChange<TGraphSettings>;
};

export type TRevertResult = {
  spec: TGraphSpec;
  /** What was reverted (the entry redo gets back); undefined when nothing could be. */
  reverted?: TSpecEdit;
  /** Changes left alone because someone else has changed, removed or connected their nodes since. */
  keptCount: number;
};

const isSame = (a: unknown, b: unknown) => toCanonicalJson(a) === toCanonicalJson(b);

/** The edit that turned `before` into `after`, undefined when they are equal (a click that moved nothing). */
export function describeEdit(before: TGraphSpec, after: TGraphSpec): TSpecEdit | undefined {
  const nodes = describeItemChanges(before.nodes, after.nodes);
  const edges = describeItemChanges(before.edges, after.edges);
  const settings = isSame(before.settings, after.settings) ? undefined : { id: "settings", before: before.settings, after: after.settings, beforeIndex: 0, afterIndex: 0 };
  return nodes.length === 0 && edges.length === 0 && !settings ? undefined : { nodes, edges, settings };
}

function describeItemChanges<T extends { id: string }>(before: readonly T[], after: readonly T[]): TItemChange<T>[] {
  const beforeIndex = new Map(before.map((item, index) => [item.id, index]));
  const afterIndex = new Map(after.map((item, index) => [item.id, index]));
  const ids = [...new Set([...beforeIndex.keys(), ...afterIndex.keys()])];
  return ids.flatMap((id) => {
    const was = beforeIndex.has(id) ? before[beforeIndex.get(id)!] : undefined;
    const is = afterIndex.has(id) ? after[afterIndex.get(id)!] : undefined;
    // Untouched items keep their object from spec to spec: most of a big graph is skipped without serialising it.
    return was === is || isSame(was, is) ? [] : [{ id, before: was, after: is, beforeIndex: beforeIndex.get(id) ?? -1, afterIndex: afterIndex.get(id) ?? -1 }];
  });
}

/** The same edit seen from the other side: reverting it redoes the original. */
export function invertEdit(edit: TSpecEdit): TSpecEdit {
  const invert = <T>(change: TItemChange<T>): TItemChange<T> => ({ id: change.id, before: change.after, after: change.before, beforeIndex: change.afterIndex, afterIndex: change.beforeIndex });
  return { nodes: edit.nodes.map(invert), edges: edit.edges.map(invert), settings: edit.settings && invert(edit.settings) };
}

/**
 * Reverts `edit` on `current`. A change is reverted only where the graph still shows what the edit left: the fields it
 * changed hold its values, a node it added is untouched, a node it removed has not come back. A revert that would
 * break the graph (remove a node someone has connected since, bring back an edge whose node someone removed) is left
 * out too, so an undo never takes away or dangles anything the user did not do.
 */
export function revertEdit(current: TGraphSpec, edit: TSpecEdit): TRevertResult {
  const total = edit.nodes.length + edit.edges.length + (edit.settings ? 1 : 0);
  const nodesNow = new Map(current.nodes.map((node) => [node.id, node]));
  const edgesNow = new Map(current.edges.map((edge) => [edge.id, edge]));
  let nodes = edit.nodes.filter((change) => isRevertible(nodesNow.get(change.id), change));
  let edges = edit.edges.filter((change) => isRevertible(edgesNow.get(change.id), change));
  const settings = edit.settings && isRevertible(current.settings, edit.settings) ? edit.settings : undefined;
  for (;;) {
    const spec = applyReverts(current, nodes, edges, settings);
    const broken = findBrokenReverts(spec, nodes, edges);
    if (broken.size === 0) {
      const keptCount = total - nodes.length - edges.length - (settings ? 1 : 0);
      const isEmpty = nodes.length === 0 && edges.length === 0 && !settings;
      return { spec: isEmpty ? current : spec, reverted: isEmpty ? undefined : { nodes, edges, settings }, keptCount };
    }
    nodes = nodes.filter((change) => !broken.has(`node:${change.id}`));
    edges = edges.filter((change) => !broken.has(`edge:${change.id}`));
  }
}

/** The fields a change touched; a changed settings object counts each setting as a field. */
function changedFields(change: TItemChange<object>): string[] {
  const before = (change.before ?? {}) as TRecord;
  const after = (change.after ?? {}) as TRecord;
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !isSame(before[key], after[key]));
}

function isRevertible<T extends object>(now: T | undefined, change: TItemChange<T>): boolean {
  if (change.after === undefined) return now === undefined;
  if (now === undefined) return false;
  if (change.before === undefined) return isSame(now, change.after);
  return changedFields(change).every((key) => isSame((now as TRecord)[key], (change.after as TRecord)[key]));
}

function revertItem<T extends object>(now: T, change: TItemChange<T>): T {
  const reverted: TRecord = { ...(now as TRecord) };
  for (const key of changedFields(change)) {
    const value = (change.before as TRecord)[key];
    if (value === undefined) delete reverted[key];
    else reverted[key] = value;
  }
  return reverted as T;
}

function revertItems<T extends { id: string }>(items: readonly T[], changes: readonly TItemChange<T>[]): T[] {
  const byId = new Map(changes.map((change) => [change.id, change]));
  const result = items.flatMap((item) => {
    const change = byId.get(item.id);
    if (!change) return [item];
    return change.before === undefined ? [] : [revertItem(item, change)];
  });
  // What comes back goes where it was, so the canvas draws it in the same order as before the edit.
  for (const change of [...changes].sort((a, b) => a.beforeIndex - b.beforeIndex)) {
    if (change.after === undefined && change.before !== undefined) result.splice(Math.min(change.beforeIndex, result.length), 0, change.before);
  }
  return result;
}

function applyReverts(current: TGraphSpec, nodes: TItemChange<TGraphNode>[], edges: TItemChange<TGraphEdge>[], settings: TItemChange<TGraphSettings> | undefined): TGraphSpec {
  return {
    ...current,
    nodes: revertItems(current.nodes, nodes),
    edges: revertItems(current.edges, edges),
    settings: settings ? revertItem(current.settings, settings) : current.settings,
  };
}

/**
 * Reverts that leave the graph broken, as `node:<id>` / `edge:<id>`: an edge or member whose node or frame is gone.
 * The revert that caused it is dropped: bringing back the edge or member, or else removing the node or frame.
 */
function findBrokenReverts(spec: TGraphSpec, nodes: TItemChange<TGraphNode>[], edges: TItemChange<TGraphEdge>[]): Set<string> {
  const present = new Map(spec.nodes.map((node) => [node.id, node]));
  const revertedNodes = new Set(nodes.map((change) => change.id));
  const revertedEdges = new Set(edges.map((change) => change.id));
  const broken = new Set<string>();
  const blame = (dependent: string, missing: string, isDependentReverted: boolean) => {
    if (isDependentReverted) broken.add(dependent);
    else if (revertedNodes.has(missing)) broken.add(`node:${missing}`);
  };
  for (const edge of spec.edges) {
    for (const end of [edge.source.node, edge.target.node]) if (!present.has(end)) blame(`edge:${edge.id}`, end, revertedEdges.has(edge.id));
  }
  for (const node of spec.nodes) {
    const frame = node.group === undefined ? undefined : present.get(node.group);
    if (node.group !== undefined && !(frame && isGroupNode(frame))) blame(`node:${node.id}`, node.group, revertedNodes.has(node.id));
  }
  return broken;
}

/** An undo or redo: the spec to show (undefined when nothing could be reverted) and how many changes others' edits kept. */
export type THistoryStep = { spec?: TGraphSpec; keptCount: number };

/**
 * The undo and redo stacks. Both hold edits the way they were made: undo reverts the newest entry, redo reverts the
 * inverse of what undo reverted. A new edit clears what was undone.
 */
export function createEditHistory(limit = 200) {
  const past: TSpecEdit[] = [];
  let future: TSpecEdit[] = [];

  const revertNewest = (from: TSpecEdit[], to: TSpecEdit[], current: TGraphSpec, direction: "undo" | "redo"): THistoryStep | undefined => {
    const edit = from.pop();
    if (!edit) return undefined;
    const result = revertEdit(current, direction === "undo" ? edit : invertEdit(edit));
    if (!result.reverted) return { keptCount: result.keptCount };
    to.push(direction === "undo" ? result.reverted : invertEdit(result.reverted));
    return { spec: result.spec, keptCount: result.keptCount };
  };

  return {
    /** Adds the edit from `before` to `after`; false when nothing changed. */
    record(before: TGraphSpec, after: TGraphSpec): boolean {
      const edit = describeEdit(before, after);
      if (!edit) return false;
      past.push(edit);
      if (past.length > limit) past.shift();
      future = [];
      return true;
    },
    undo: (current: TGraphSpec) => revertNewest(past, future, current, "undo"),
    redo: (current: TGraphSpec) => revertNewest(future, past, current, "redo"),
    sizes: () => ({ past: past.length, future: future.length }),
  };
}
