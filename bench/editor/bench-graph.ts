// The benchmark graph: 1,000 valid core nodes and 1,000 edges on a grid, shared by the studio run and the baseline page.
import { GRAPH_FORMAT, type TGraphSpec } from "@/lib/graph";

export const BENCH_NODE_COUNT = 1_000;
const COLUMNS = 25;

/**
 * Input -> 997 alternating Template/Transform nodes -> Merge -> Output, plus one edge from the middle of the chain
 * into the Merge (which accepts many): exactly 1,000 nodes and 1,000 edges, and no validation problem, so the editor
 * draws no problem badges.
 */
export function generateBenchGraph(): TGraphSpec {
  const last = BENCH_NODE_COUNT - 1;
  const nodes = Array.from({ length: BENCH_NODE_COUNT }, (_, i) => {
    const position = { x: (i % COLUMNS) * 240, y: Math.floor(i / COLUMNS) * 120 };
    const base = { id: `n${i}`, typeVersion: 1, label: `Step ${i}`, position };
    if (i === 0) return { ...base, type: "core/input", config: {} };
    if (i === last - 1) return { ...base, type: "core/merge", config: { mode: "all" } };
    if (i === last) return { ...base, type: "core/output", config: { name: "result" } };
    if (i % 2 === 1) return { ...base, type: "core/template", config: { template: `Step ${i}: {{input}}` } };
    return { ...base, type: "core/transform", config: { mapping: { text: "" } } };
  });
  const chain = nodes.slice(1).map((node, i) => ({ id: `e${i}`, source: { node: `n${i}`, port: "out" }, target: { node: node.id, port: "in" } }));
  const shortcut = { id: "e-shortcut", source: { node: `n${Math.floor(last / 2)}`, port: "out" }, target: { node: `n${last - 1}`, port: "in" } };
  return { format: GRAPH_FORMAT, nodes, edges: [...chain, shortcut], settings: {} };
}
