// The baseline: a bare React Flow page (default nodes and edges, uncontrolled like the studio's canvas, fitView), fed
// the same 1,000 nodes and 1,000 edges as the studio run. Bundled by baseline-server.ts; never part of the product.
import { ReactFlow, type Edge, type Node } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { createRoot } from "react-dom/client";

type TBaselineGraph = { nodes: Node[]; edges: Edge[] };

const graph = JSON.parse(document.getElementById("graph")!.textContent!) as TBaselineGraph;

createRoot(document.getElementById("root")!).render(
  <div style={{ width: "100vw", height: "100vh" }}>
    <ReactFlow defaultNodes={graph.nodes} defaultEdges={graph.edges} fitView />
  </div>,
);
