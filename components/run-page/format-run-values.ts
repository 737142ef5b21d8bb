// How the run page writes its numbers; "—" means "not recorded", never zero.
const NONE = "—";

/** "0 ms", "850 ms", "12.4 s", "3 m 05 s", "2 h 01 m". */
export function formatDurationMs(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return NONE;
  const value = Math.max(0, ms);
  if (value < 1_000) return `${Math.round(value)} ms`;
  if (value < 60_000) return `${Number((value / 1_000).toFixed(1))} s`;
  const seconds = Math.round(value / 1_000);
  if (seconds < 3_600) return `${Math.floor(seconds / 60)} m ${String(seconds % 60).padStart(2, "0")} s`;
  return `${Math.floor(seconds / 3_600)} h ${String(Math.floor((seconds % 3_600) / 60)).padStart(2, "0")} m`;
}

export function formatTokens(tokens: number | undefined | null): string {
  return tokens === undefined || tokens === null ? NONE : new Intl.NumberFormat("en").format(tokens);
}

/** Cents for most runs, four decimals for the tiny costs of small models. */
export function formatCostUsd(costUsd: number | undefined | null): string {
  if (costUsd === undefined || costUsd === null) return NONE;
  if (costUsd === 0) return "$0.00";
  return costUsd < 0.01 ? `$${costUsd.toFixed(4)}` : `$${costUsd.toFixed(2)}`;
}

/** A JSON text's size: "812 B", "10.2 KB", "5.0 MB". */
export function formatSize(chars: number): string {
  if (chars < 1_024) return `${chars} B`;
  if (chars < 1_024 * 1_024) return `${(chars / 1_024).toFixed(1)} KB`;
  return `${(chars / (1_024 * 1_024)).toFixed(1)} MB`;
}

/** "14:03:07.250" in the viewer's time zone. */
export function formatClock(ms: number | undefined): string {
  if (ms === undefined) return NONE;
  const date = new Date(ms);
  const time = date.toLocaleTimeString("en-GB", { hour12: false });
  return `${time}.${String(date.getMilliseconds()).padStart(3, "0")}`;
}

/** "May 1, 14:03:07" in the viewer's locale and time zone. */
export function formatInstant(ms: number | undefined): string {
  if (ms === undefined) return NONE;
  return new Date(ms).toLocaleString(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });
}
