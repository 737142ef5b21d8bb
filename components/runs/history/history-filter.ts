// The run history's filter lives in the URL (shareable, survives reload, the graph list links to it). Pure: parsing
// ignores values it does not know, so an old or hand-edited link still opens.
import { RUN_TRIGGERS, type TRunTrigger } from "@/lib/runs/run-triggers";
import { RUN_STATUSES, type TRunStatus } from "@/server/runtime/statuses";

export const RANGE_PRESETS = { "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000, "30d": 30 * 86_400_000 } as const;
export type TRangePreset = keyof typeof RANGE_PRESETS;

export type THistoryFilter = {
  statuses: TRunStatus[];
  triggers: TRunTrigger[];
  graphId?: string;
  version?: number | "draft";
  /** A window ending now, or else a custom `from`/`to` (ISO instants). */
  range?: TRangePreset;
  from?: string;
  to?: string;
  errorText: string;
};

/** Every key present, so spreading it over a filter clears it. */
export const EMPTY_HISTORY_FILTER: THistoryFilter = { statuses: [], triggers: [], graphId: undefined, version: undefined, range: undefined, from: undefined, to: undefined, errorText: "" };

export function parseHistoryFilter(params: URLSearchParams): THistoryFilter {
  const list = <T extends string>(name: string, allowed: readonly T[]) =>
    (params.get(name) ?? "").split(",").filter((value): value is T => (allowed as readonly string[]).includes(value));
  const version = params.get("version");
  const range = params.get("range");
  return {
    statuses: list("status", RUN_STATUSES),
    triggers: list("trigger", RUN_TRIGGERS),
    graphId: params.get("graph") || undefined,
    version: version === "draft" ? "draft" : /^[1-9]\d*$/.test(version ?? "") ? Number(version) : undefined,
    range: range && range in RANGE_PRESETS ? (range as TRangePreset) : undefined,
    from: toInstant(params.get("from")),
    to: toInstant(params.get("to")),
    errorText: params.get("error") ?? "",
  };
}

/** The query string of a filter, without the parts left empty. */
export function toHistorySearch(filter: THistoryFilter): string {
  const params = new URLSearchParams();
  if (filter.statuses.length) params.set("status", filter.statuses.join(","));
  if (filter.triggers.length) params.set("trigger", filter.triggers.join(","));
  if (filter.graphId) params.set("graph", filter.graphId);
  if (filter.version !== undefined) params.set("version", String(filter.version));
  if (filter.range) params.set("range", filter.range);
  if (!filter.range && filter.from) params.set("from", filter.from);
  if (!filter.range && filter.to) params.set("to", filter.to);
  if (filter.errorText.trim()) params.set("error", filter.errorText);
  const search = params.toString();
  return search ? `?${search}` : "";
}

export function runHistoryHref(workspaceSlug: string, filter: Partial<THistoryFilter> = {}): string {
  return `/w/${workspaceSlug}/runs${toHistorySearch({ ...EMPTY_HISTORY_FILTER, ...filter })}`;
}

/** The API's filter (run.list and run.stats); a preset window ends at `now`, captured when the filter last changed. */
export function toRunFilterInput(filter: THistoryFilter, now: number) {
  return {
    statuses: filter.statuses.length ? filter.statuses : undefined,
    triggers: filter.triggers.length ? filter.triggers : undefined,
    graphId: filter.graphId,
    versionNumber: filter.graphId ? filter.version : undefined,
    createdAfter: filter.range ? new Date(now - RANGE_PRESETS[filter.range]).toISOString() : filter.from,
    createdBefore: filter.range ? undefined : filter.to,
    errorText: filter.errorText.trim() || undefined,
  };
}

function toInstant(value: string | null): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
