"use client";

import { Background, Handle, Position, ReactFlow, ReactFlowProvider, type Edge, type Node, type NodeProps } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { memo, useMemo } from "react";
import { markComparedNodes, type TCompareMark } from "./compare-marks";
import type { TNodeComparison } from "./compare-runs";
import styles from "./run-page.module.css";

type TGraphShape = { nodes: readonly { id: string; label: string; position: { x: number; y: number } }[]; edges: readonly { id: string; source: string; target: string }[] };
type TMarkedNode = Node<{ label: string; mark: TCompareMark }, "marked">;

const MARK_TEXT: Record<TCompareMark, string> = { same: "same", changed: "changed", "only-a": "only in A", "only-b": "only in B", "not-run": "not run" };

const MarkedNode = memo(function MarkedNode({ data }: NodeProps<TMarkedNode>) {
  return (
    <div className={`${styles.markedNode} ${styles[`mark-${data.mark}`] ?? ""}`} data-testid="compare-canvas-node" data-mark={data.mark}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <strong>{data.label}</strong>
      <span>{MARK_TEXT[data.mark]}</span>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});

const NODE_TYPES = { marked: MarkedNode };
const FIT_VIEW_OPTIONS = { padding: 0.15, maxZoom: 1 };

/** Run B's graph, read-only, each node marked by how the two runs differ there. */
export function CompareCanvas({ graph, nodes }: { graph: TGraphShape; nodes: readonly TNodeComparison[] }) {
  const flow = useMemo(() => {
    const marks = markComparedNodes(graph.nodes.map((node) => node.id), nodes);
    const flowNodes: TMarkedNode[] = graph.nodes.map((node) => ({ id: node.id, type: "marked", position: node.position, data: { label: node.label, mark: marks.get(node.id) ?? "not-run" } }));
    const flowEdges: Edge[] = graph.edges.map((edge) => ({ id: edge.id, source: edge.source, target: edge.target }));
    return { nodes: flowNodes, edges: flowEdges };
  }, [graph, nodes]);
  return (
    <section className={`${styles.card} ${styles.compareCanvas}`} aria-label="Comparison on the canvas">
      <ReactFlowProvider>
        <ReactFlow nodes={flow.nodes} edges={flow.edges} nodeTypes={NODE_TYPES} fitView fitViewOptions={FIT_VIEW_OPTIONS} nodesDraggable={false} nodesConnectable={false} proOptions={{ hideAttribution: true }}>
          <Background gap={16} />
        </ReactFlow>
      </ReactFlowProvider>
    </section>
  );
}
