import { Fragment } from "react";
import type { TNodeComparison, TNodeSide } from "./compare-runs";
import { formatCostUsd, formatDurationMs, formatTokens } from "./format-run-values";
import { OutputDiff } from "./output-diff";
import styles from "./run-page.module.css";
import { StatusPill } from "./status-pill";

/** Path taken and per-node numbers of both runs, with each changed node's output diff under its row. */
export function CompareNodes({ nodes }: { nodes: readonly TNodeComparison[] }) {
  return (
    <section className={styles.card} aria-label="Nodes">
      <h2 className={styles.cardTitle}>Path and outputs</h2>
      <table className={styles.compareTable}>
        <thead>
          <tr>
            <th>Node</th>
            <th>Run A</th>
            <th>Run B</th>
            <th>Tokens A / B</th>
            <th>Latency A / B</th>
            <th>Cost A / B</th>
            <th>Output</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((node) => {
            const isChanged = node.isPathDifferent || node.outputChanges.length > 0;
            return (
              <Fragment key={node.nodeId}>
                <tr className={isChanged ? styles.changedRow : undefined} data-testid="compare-node" data-node={node.nodeId} data-changed={isChanged}>
                  <td>{node.label}</td>
                  <td>{side(node.a)}</td>
                  <td>{side(node.b)}</td>
                  <td>
                    {formatTokens(node.a?.tokens)} / {formatTokens(node.b?.tokens)}
                  </td>
                  <td>
                    {formatDurationMs(node.a?.latencyMs)} / {formatDurationMs(node.b?.latencyMs)}
                  </td>
                  <td>
                    {formatCostUsd(node.a?.costUsd)} / {formatCostUsd(node.b?.costUsd)}
                  </td>
                  <td>{node.outputChanges.length === 0 ? "same" : `${node.outputChanges.length} change${node.outputChanges.length === 1 ? "" : "s"}`}</td>
                </tr>
                {node.outputChanges.length > 0 && (
                  <tr>
                    <td />
                    <td colSpan={6}>
                      <OutputDiff changes={node.outputChanges} isTruncated={node.isOutputTruncated} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function side(value: TNodeSide | null) {
  if (!value) return <span className={styles.muted}>did not run</span>;
  return <StatusPill status={value.status} label={value.steps > 1 ? `${value.status} ×${value.steps}` : value.status} />;
}
