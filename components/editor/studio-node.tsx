"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import styles from "./editor.module.css";
import { NodeRunBadge } from "./live-run/node-run-badge";
import { NodeIcon } from "./node-icon";
import type { TPortView, TStudioNode } from "./spec-to-flow";

/** A port's row: its name, and its handle on the card's edge; the payload type shows on hover. */
function PortRow({ port, side }: { port: TPortView; side: "in" | "out" }) {
  return (
    <div className={side === "in" ? styles.portRow : `${styles.portRow} ${styles.portRowOut}`} title={`${port.label}: ${port.typeLabel}`} data-testid={`port-name-${side}-${port.id}`}>
      <Handle
        id={port.id}
        type={side === "in" ? "target" : "source"}
        position={side === "in" ? Position.Left : Position.Right}
        className={`${styles.handle} ${styles[`kind-${port.kind}`] ?? ""}`}
        data-testid={`port-${side}-${port.id}`}
      />
      {port.label}
    </div>
  );
}

/**
 * One graph node on the canvas: a card with its category's colour and icon, label and type, and a named row per port
 * (inputs left, outputs right, coloured by kind); a followed run shows under it. Sized by its CSS, which carries the
 * numbers of node-card-geometry.ts. Memoised per node.
 */
export const StudioNode = memo(function StudioNode({ id, data, selected }: NodeProps<TStudioNode>) {
  const diffClass = data.diffStatus ? styles[`diff-${data.diffStatus}`] : "";
  const categoryClass = data.category ? styles[`category-${data.category}`] : "";
  const className = [styles.node, categoryClass, selected ? styles.nodeSelected : "", data.isDisabled ? styles.nodeDisabled : "", data.problemCount > 0 ? styles.nodeProblem : "", diffClass].join(" ");
  return (
    <div className={className} data-testid="studio-node" data-diff={data.diffStatus} data-category={data.category}>
      <div className={styles.nodeHeader}>
        <NodeIcon icon={data.icon} category={data.category} />
        <div className={styles.nodeLabel} title={data.label} data-testid="node-label">{data.label}</div>
        <div className={styles.nodeType} title={`${data.typeTitle} (${data.nodeType})`}>{data.typeTitle}</div>
      </div>
      {(data.inputs.length > 0 || data.outputs.length > 0) && (
        <div className={styles.ports}>
          {data.inputs.map((port) => <PortRow key={`in-${port.id}`} port={port} side="in" />)}
          {data.outputs.map((port) => <PortRow key={`out-${port.id}`} port={port} side="out" />)}
        </div>
      )}
      {data.summary && (
        <ul className={styles.configSummary} data-testid="node-summary">
          {data.summary.map((line) => <li key={line} title={line}>{line}</li>)}
        </ul>
      )}
      {data.problemCount > 0 && <span className={styles.problemBadge} title="Problems: see the panel">{data.problemCount}</span>}
      <NodeRunBadge nodeId={id} />
    </div>
  );
});
