// The graphs the property test generates, as a tree: Map and Loop bodies are regions of their own, so the reference
// interpreter never needs to rediscover scopes from edges. `toGraphSpec` flattens a tree into the runtime's format.
import { GRAPH_FORMAT, type TGraphEdge, type TGraphNode, type TGraphSpec } from "@/lib/graph";

export type TRef = { node: string; port: string };

export type TRefNodeKind = "input" | "step" | "join" | "mixed" | "opt" | "merge" | "branch" | "approval" | "list" | "map" | "loop" | "output";

export type TRefNode = {
  id: string;
  kind: TRefNodeKind;
  /** Wired inputs by port, in edge order (only `merge.in` takes several). */
  wires: Record<string, TRef[]>;
  /** step/join/mixed/opt: the constant mixed into the output; branch: the threshold; list: the length; loop: max iterations. */
  n: number;
  /** approval: what the test's operator decides. output: the run output's name. */
  decision?: "approved" | "rejected";
  name?: string;
  /** map and loop: the body, entered at `<id>.item`, whose `result` goes back to `map.result` / `loop.continue`. */
  body?: TRegion;
};

export type TRegion = { nodes: TRefNode[]; result?: TRef };

const TYPES: Record<TRefNodeKind, string> = {
  input: "core/input",
  step: "test/step",
  join: "test/join",
  mixed: "test/mixed",
  opt: "test/opt",
  merge: "core/merge",
  branch: "core/branch",
  approval: "core/approval",
  list: "test/list",
  map: "core/map",
  loop: "core/loop",
  output: "core/output",
};

export function toGraphSpec(top: TRegion): TGraphSpec {
  const nodes: TGraphNode[] = [];
  const edges: TGraphEdge[] = [];
  const addEdge = (from: TRef, node: string, port: string) => edges.push({ id: `e${edges.length}`, source: from, target: { node, port } });
  const visit = (region: TRegion) => {
    for (const node of region.nodes) {
      nodes.push({ id: node.id, type: TYPES[node.kind], typeVersion: 1, label: "", position: { x: nodes.length * 10, y: 0 }, config: configOf(node) });
      for (const [port, refs] of Object.entries(node.wires)) refs.forEach((ref) => addEdge(ref, node.id, port));
      if (!node.body) continue;
      visit(node.body);
      if (node.body.result) addEdge(node.body.result, node.id, node.kind === "map" ? "result" : "continue");
    }
  };
  visit(top);
  return { format: GRAPH_FORMAT, nodes, edges, settings: {} };
}

function configOf(node: TRefNode): Record<string, unknown> {
  switch (node.kind) {
    case "branch":
      return { path: "", operator: "greaterThan", value: node.n };
    case "merge":
      return { mode: "all" };
    case "map":
      return { concurrency: 2 };
    case "loop":
      return { maxIterations: node.n };
    case "output":
      return { name: node.name };
    case "approval":
      return { prompt: "ok?" };
    default:
      return { n: node.n };
  }
}
