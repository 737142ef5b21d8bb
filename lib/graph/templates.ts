// Starting points for new graphs. Each is a valid spec of core node types (graph-templates.test.ts checks them).
import { GRAPH_FORMAT, type TGraphEdge, type TGraphNode, type TGraphSpec } from "./spec";

export type TGraphTemplate = { id: string; title: string; description: string; spec: TGraphSpec };

function node(id: string, type: string, label: string, x: number, y: number, config: Record<string, unknown> = {}): TGraphNode {
  return { id, type, typeVersion: 1, label, position: { x, y }, config };
}

function edge(source: string, sourcePort: string, target: string, targetPort: string): TGraphEdge {
  return { id: `${source}-${sourcePort}-${target}`, source: { node: source, port: sourcePort }, target: { node: target, port: targetPort } };
}

function spec(nodes: TGraphNode[], edges: TGraphEdge[]): TGraphSpec {
  return { format: GRAPH_FORMAT, nodes, edges, settings: {} };
}

export const GRAPH_TEMPLATES: readonly TGraphTemplate[] = [
  {
    id: "approval",
    title: "Approval workflow",
    description: "A request waits for a person to approve or reject it, then each answer takes its own path.",
    spec: spec(
      [
        node("request", "core/input", "Request", 0, 100, { schema: { type: "object", required: ["amount"], properties: { amount: { type: "number" } } } }),
        node("review", "core/approval", "Manager review", 280, 100, { prompt: "Approve this expense?" }),
        node("approved", "core/output", "Approved", 560, 20, { name: "approved" }),
        node("rejected", "core/output", "Rejected", 560, 180, { name: "rejected" }),
      ],
      [edge("request", "out", "review", "in"), edge("review", "approved", "approved", "in"), edge("review", "rejected", "rejected", "in")],
    ),
  },
  {
    id: "branch",
    title: "Route by a condition",
    description: "Large amounts go one way, small ones another; the merge continues with whichever branch ran.",
    spec: spec(
      [
        node("order", "core/input", "Order", 0, 100),
        node("check", "core/branch", "Over 100?", 260, 100, { path: "amount", operator: "greaterThan", value: 100 }),
        node("large", "core/template", "Large order", 520, 20, { template: "Large order of {{input.amount}}" }),
        node("small", "core/template", "Small order", 520, 180, { template: "Small order of {{input.amount}}" }),
        node("merge", "core/merge", "Either", 780, 100, { mode: "all" }),
        node("result", "core/output", "Result", 1040, 100, { name: "result" }),
      ],
      [edge("order", "out", "check", "in"), edge("check", "true", "large", "in"), edge("check", "false", "small", "in"), edge("large", "out", "merge", "in"), edge("small", "out", "merge", "in"), edge("merge", "out", "result", "in")],
    ),
  },
  {
    id: "map",
    title: "Process a list",
    description: "Each item of a list runs through the same steps, a few at a time, and the results come back in order.",
    spec: spec(
      [
        node("items", "core/input", "Items", 0, 100),
        node("each", "core/map", "For each item", 260, 100, { concurrency: 4 }),
        node("format", "core/template", "Format item", 520, 100, { template: "Item: {{input}}" }),
        node("all", "core/output", "All results", 780, 100, { name: "results" }),
      ],
      [edge("items", "out", "each", "in"), edge("each", "item", "format", "in"), edge("format", "out", "each", "result"), edge("each", "results", "all", "in")],
    ),
  },
];
