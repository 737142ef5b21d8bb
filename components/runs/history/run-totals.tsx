import { formatCost, formatTokens } from "./format-run";
import styles from "./history.module.css";

export type TRunTotals = { runs: number; failed: number; tokens: number | null; costUsd: number | null };

/** The filter's totals; tokens and cost count only runs that recorded usage. */
export function RunTotals({ totals }: { totals: TRunTotals | undefined }) {
  const items: [string, string, string][] = [
    ["runs", "Runs", totals ? totals.runs.toLocaleString("en") : "…"],
    ["failed", "Failures", totals ? totals.failed.toLocaleString("en") : "…"],
    ["tokens", "Tokens", totals ? formatTokens(totals.tokens) : "…"],
    ["cost", "Cost", totals ? formatCost(totals.costUsd) : "…"],
  ];
  return (
    <>
      {items.map(([id, label, value]) => (
        <dl key={id} className={styles.total}>
          <dt>{label}</dt>
          <dd data-testid={`total-${id}`}>{value}</dd>
        </dl>
      ))}
    </>
  );
}
