"use client";

import { useCallback, useState, type RefObject } from "react";
import type { Connection, Edge, ReactFlowInstance } from "@xyflow/react";
import type { TGraphSpec, TNodeTypeRegistry } from "@/lib/graph";
import { checkConnection } from "./check-connection";
import { addEdge, removeNodesAndEdges } from "./graph-edits";
import { toFlowEdge, type TCanvasNode } from "./spec-to-flow";

type TConnectionOptions = {
  flow: ReactFlowInstance<TCanvasNode, Edge>;
  registry: TNodeTypeRegistry;
  specRef: RefObject<TGraphSpec>;
  getSpec: () => TGraphSpec;
  commitEdit: (next: TGraphSpec, before: TGraphSpec) => void;
};

/**
 * Drawing and deleting on the canvas: a connection is checked while it is dragged (the refusal's reason is the
 * `hint`), a drawn one becomes an edge of the spec, and deleted nodes and edges leave the spec.
 */
export function useConnectionHandlers({ flow, registry, specRef, getSpec, commitEdit }: TConnectionOptions) {
  const [hint, setHint] = useState<string>();
  const isValidConnection = useCallback(
    (connection: Edge | Connection) => {
      const result = checkConnection(specRef.current, registry, connection);
      setHint(result.ok ? undefined : result.reason);
      return result.ok;
    },
    [registry, specRef],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      if (!connection.sourceHandle || !connection.targetHandle) return;
      const current = getSpec();
      const { spec: next, edge } = addEdge(current, { source: connection.source, sourcePort: connection.sourceHandle, target: connection.target, targetPort: connection.targetHandle });
      // With defaultEdges, React Flow has already drawn the edge under an id of its own: it takes the spec's id instead,
      // so deleting it later removes it from the spec too.
      const isDrawn = (candidate: Edge) => candidate.source === connection.source && candidate.sourceHandle === connection.sourceHandle && candidate.target === connection.target && candidate.targetHandle === connection.targetHandle;
      flow.setEdges((edges) => [...edges.filter((candidate) => !isDrawn(candidate)), toFlowEdge(edge)]);
      commitEdit(next, current);
    },
    [commitEdit, flow, getSpec],
  );
  const onConnectEnd = useCallback(() => setHint(undefined), []);

  const onDelete = useCallback(
    ({ nodes, edges }: { nodes: TCanvasNode[]; edges: Edge[] }) => {
      const current = getSpec();
      commitEdit(removeNodesAndEdges(current, new Set(nodes.map((node) => node.id)), new Set(edges.map((edge) => edge.id))), current);
    },
    [commitEdit, getSpec],
  );


  return { hint, isValidConnection, onConnect, onConnectEnd, onDelete };
}
