"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import styles from "./editor.module.css";
import type { TStudioNode } from "./spec-to-flow";

function spread(index: number, count: number): string {
  return `${((index + 1) / (count + 1)) * 100}%`;
}

/** One graph node on the canvas: label, type and a handle per port. Memoised: a drag re-renders only this node. */
export const StudioNode = memo(function StudioNode({ data, selected }: NodeProps<TStudioNode>) {
  const className = [styles.node, selected ? styles.nodeSelected : "", data.isDisabled ? styles.nodeDisabled : ""].join(" ");
  return (
    <div className={className} data-testid="studio-node">
      {data.inputs.map((port, index) => (
        <Handle key={port} id={port} type="target" position={Position.Left} className={styles.handle} style={{ top: spread(index, data.inputs.length) }} title={port} />
      ))}
      <div className={styles.nodeLabel}>{data.label}</div>
      <div className={styles.nodeType}>{data.nodeType}</div>
      {data.outputs.map((port, index) => (
        <Handle key={port} id={port} type="source" position={Position.Right} className={styles.handle} style={{ top: spread(index, data.outputs.length) }} title={port} />
      ))}
    </div>
  );
});
