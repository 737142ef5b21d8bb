import type { TJsonChange } from "@/lib/graph/diff-json";
import type { TRunTotals } from "./compare-runs";
import { formatCostUsd, formatDurationMs, formatTokens } from "./format-run-values";
import { OutputDiff } from "./output-diff";
import styles from "./run-page.module.css";

/** Totals of both runs side by side: tokens, cost, duration, steps; how many nodes differ and how the run outputs do. */
export function CompareTotals({ a, b, changedNodes, outputChanges }: { a: TRunTotals; b: TRunTotals; changedNodes: number; outputChanges: readonly TJsonChange[] }) {
  const rows: [string, string, string][] = [
    ["Tokens", formatTokens(a.tokens), formatTokens(b.tokens)],
    ["Cost", formatCostUsd(a.costUsd), formatCostUsd(b.costUsd)],
    ["Duration", formatDurationMs(a.durationMs), formatDurationMs(b.durationMs)],
    ["Steps", String(a.steps), String(b.steps)],
  ];
  return (
    <section className={styles.card} aria-label="Totals">
      <h2 className={styles.cardTitle}>Totals</h2>
      <table className={styles.compareTable} data-testid="compare-totals">
        <thead>
          <tr>
            <th />
            <th>Run A</th>
            <th>Run B</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, left, right]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{left}</td>
              <td>{right}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={styles.note} data-testid="changed-nodes">
        {changedNodes === 0 ? "Same path and same node outputs." : `${changedNodes} node${changedNodes === 1 ? "" : "s"} differ.`}{" "}
        {outputChanges.length === 0 ? "The run outputs are the same." : "The run outputs differ:"}
      </p>
      {outputChanges.length > 0 && <OutputDiff changes={outputChanges} isTruncated={false} testId="run-output-diff" />}
    </section>
  );
}
