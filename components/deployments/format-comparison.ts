import { formatCost, formatTokens } from "../runs/history/format-run";

type TArm = {
  runs: number;
  errorRate: number;
  p50Ms: number | null;
  p95Ms: number | null;
  tokensPerRun: number | null;
  costPerRunUsd: number | null;
};

const NONE = "–";

function formatMs(ms: number | null): string {
  if (ms === null) return NONE;
  return ms < 1_000 ? `${Math.round(ms)} ms` : `${(ms / 1_000).toFixed(1)} s`;
}

/** The rows of the stable-vs-candidate table: label, stable, candidate. Rates of sides without runs show a dash. */
export function comparisonRows(stable: TArm, candidate: TArm): [string, string, string][] {
  const rate = (arm: TArm) => (arm.runs === 0 ? NONE : `${((1 - arm.errorRate) * 100).toFixed(1)} %`);
  const rows: [string, (arm: TArm) => string][] = [
    ["Runs", (arm) => arm.runs.toLocaleString("en")],
    ["Success rate", rate],
    ["p50 duration", (arm) => formatMs(arm.p50Ms)],
    ["p95 duration", (arm) => formatMs(arm.p95Ms)],
    ["Tokens per run", (arm) => formatTokens(arm.tokensPerRun === null ? null : Math.round(arm.tokensPerRun))],
    ["Cost per run", (arm) => formatCost(arm.costPerRunUsd)],
  ];
  return rows.map(([label, format]) => [label, format(stable), format(candidate)]);
}
