// How the history shows a run's numbers; "—" stands for "not recorded", never for zero.
const NONE = "—";

/** "850 ms", "12.4 s", "3 m 05 s", "2 h 01 m". */
export function formatDuration(startedAt: string | null, finishedAt: string | null): string {
  if (!startedAt || !finishedAt) return NONE;
  const ms = Math.max(0, Date.parse(finishedAt) - Date.parse(startedAt));
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1_000);
  if (seconds < 3_600) return `${Math.floor(seconds / 60)} m ${String(seconds % 60).padStart(2, "0")} s`;
  return `${Math.floor(seconds / 3_600)} h ${String(Math.floor((seconds % 3_600) / 60)).padStart(2, "0")} m`;
}

const tokenFormat = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });

/** "940", "12.3K", "4.1M". */
export function formatTokens(tokens: number | null): string {
  return tokens === null ? NONE : tokenFormat.format(tokens);
}

/** Cents for most runs, four decimals for the tiny costs of small models. */
export function formatCost(costUsd: number | null): string {
  if (costUsd === null) return NONE;
  if (costUsd === 0) return "$0.00";
  return costUsd < 0.01 ? `$${costUsd.toFixed(4)}` : `$${costUsd.toFixed(2)}`;
}

/** "May 1, 14:03:07" in the viewer's locale and time zone. */
export function formatInstant(instant: string | null): string {
  if (!instant) return NONE;
  return new Date(instant).toLocaleString(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });
}
