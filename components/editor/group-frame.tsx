"use client";

import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import styles from "./editor.module.css";
import type { TGroupFrameNode } from "./spec-to-flow";

/** A Group on the canvas: a labelled frame behind its members; dragging it drags them. Memoised per frame. */
export const GroupFrame = memo(function GroupFrame({ data, selected }: NodeProps<TGroupFrameNode>) {
  const className = [styles.groupFrame, selected ? styles.groupFrameSelected : "", data.problemCount > 0 ? styles.nodeProblem : "", data.diffStatus ? styles[`diff-${data.diffStatus}`] : ""].join(" ");
  return (
    <div className={className} data-testid="group-frame" data-diff={data.diffStatus}>
      <div className={styles.groupLabel}>{data.label}</div>
    </div>
  );
});
