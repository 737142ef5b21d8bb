import { GRAPH_FORMAT, type TGraphNode, type TGraphSettings, type TGraphSpec } from "@/lib/graph";

type TNodeShort = Pick<TGraphNode, "id" | "type"> & Partial<TGraphNode>;

/** A spec from short node and edge lists: edges as "a.out->b.in". */
export function buildSpec(nodes: TNodeShort[], edges: string[], settings: TGraphSettings = {}): TGraphSpec {
  return {
    format: GRAPH_FORMAT,
    nodes: nodes.map((node, index) => ({ typeVersion: 1, label: "", position: { x: index * 200, y: 0 }, config: {}, ...node })),
    edges: edges.map((edge, index) => {
      const [source, target] = edge.split("->") as [string, string];
      const [sourceNode, sourcePort] = source.split(".") as [string, string];
      const [targetNode, targetPort] = target.split(".") as [string, string];
      return { id: `e${index}`, source: { node: sourceNode, port: sourcePort }, target: { node: targetNode, port: targetPort } };
    }),
    settings,
  };
}
