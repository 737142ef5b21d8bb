"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import styles from "./editor.module.css";
import { NodeRunBadge } from "./live-run/node-run-badge";
import type { TPortView, TStudioNode } from "./spec-to-flow";

function spread(index: number, count: number): string {
  return `${((index + 1) / (count + 1)) * 100}%`;
}

function PortHandle({ port, type, index, count }: { port: TPortView; type: "source" | "target"; index: number; count: number }) {
  return (
    <Handle
      id={port.id}
      type={type}
      position={type === "target" ? Position.Left : Position.Right}
      className={`${styles.handle} ${styles[`kind-${port.kind}`] ?? ""}`}
      style={{ top: spread(index, count) }}
      title={`${port.id}: ${port.typeLabel}`}
      data-testid={`port-${type === "target" ? "in" : "out"}-${port.id}`}
    />
  );
}

/** One graph node on the canvas: label, type, problems and a handle per port, colored by kind. Memoised per node. */
export const StudioNode = memo(function StudioNode({ id, data, selected }: NodeProps<TStudioNode>) {
  const diffClass = data.diffStatus ? styles[`diff-${data.diffStatus}`] : "";
  const className = [styles.node, selected ? styles.nodeSelected : "", data.isDisabled ? styles.nodeDisabled : "", data.problemCount > 0 ? styles.nodeProblem : "", diffClass].join(" ");
  return (
    <div className={className} data-testid="studio-node" data-diff={data.diffStatus}>
      {data.inputs.map((port, index) => <PortHandle key={port.id} port={port} type="target" index={index} count={data.inputs.length} />)}
      <div className={styles.nodeLabel}>{data.label}</div>
      <div className={styles.nodeType}>{data.nodeType}</div>
      {data.problemCount > 0 && <span className={styles.problemBadge} title="Problems: see the panel">{data.problemCount}</span>}
      <NodeRunBadge nodeId={id} />
      {data.outputs.map((port, index) => <PortHandle key={port.id} port={port} type="source" index={index} count={data.outputs.length} />)}
    </div>
  );
});
