// The filters bench-history.ts measures: what people pick in the run history (status, graph, trigger, version, time
// range, error text, and combinations), over the seeded workspace.
import type { TDb } from "@/server/db/client";
import type { TRunFilter } from "@/server/services/run/run-filter";
import { HISTORY_BENCH } from "./seed-history-sql";

export type THistoryFilter = { name: string; filter: TRunFilter; secondPage?: boolean };

const DAY = 86_400_000;

export async function historyFilters(db: TDb): Promise<THistoryFilter[]> {
  const workspaceId = HISTORY_BENCH.workspaceId;
  const graphs = await db.run.groupBy({ by: ["graphId"], where: { workspaceId }, _count: { _all: true }, orderBy: { _count: { id: "desc" } } });
  const popular = graphs[0]!.graphId;
  const rare = graphs.at(-1)!.graphId;
  const now = Date.now();
  const ago = (days: number) => new Date(now - days * DAY);
  const base = { workspaceId };
  return [
    { name: "everything", filter: base },
    { name: "everything, page 2", filter: base, secondPage: true },
    { name: "failed", filter: { ...base, statuses: ["failed"] } },
    { name: "cancelled", filter: { ...base, statuses: ["cancelled"] } },
    { name: "waiting", filter: { ...base, statuses: ["waiting"] } },
    { name: "failed or cancelled", filter: { ...base, statuses: ["failed", "cancelled"] } },
    { name: "webhook", filter: { ...base, triggers: ["webhook"] } },
    { name: "fork", filter: { ...base, triggers: ["fork"] } },
    { name: "cancelled fork", filter: { ...base, statuses: ["cancelled"], triggers: ["fork"] } },
    { name: "popular graph", filter: { ...base, graphId: popular } },
    { name: "rare graph", filter: { ...base, graphId: rare } },
    { name: "rare graph, failed", filter: { ...base, graphId: rare, statuses: ["failed"] } },
    { name: "rare graph, draft", filter: { ...base, graphId: rare, versionNumber: "draft" } },
    { name: "popular graph v2, schedule", filter: { ...base, graphId: popular, versionNumber: 2, triggers: ["schedule"] } },
    { name: "last 24 h", filter: { ...base, createdAfter: ago(1) } },
    { name: "last 7 days, failed", filter: { ...base, createdAfter: ago(7), statuses: ["failed"] } },
    { name: "last 30 days", filter: { ...base, createdAfter: ago(30) } },
    { name: "3 days two months ago", filter: { ...base, createdAfter: ago(63.5), createdBefore: ago(60.5) } },
    { name: "a week four months ago, webhook", filter: { ...base, createdAfter: ago(127.3), createdBefore: ago(120.3), triggers: ["webhook"] } },
    { name: "error 'timed out'", filter: { ...base, errorText: "timed out" } },
    { name: "error 'ENOTFOUND'", filter: { ...base, errorText: "ENOTFOUND" } },
    { name: "error 'hooks.slack'", filter: { ...base, errorText: "hooks.slack" } },
    { name: "error 'ReferenceError'", filter: { ...base, errorText: "ReferenceError" } },
    { name: "error 'context_length', last 30 days", filter: { ...base, errorText: "context_length", createdAfter: ago(30) } },
    { name: "error 'budget', popular graph", filter: { ...base, errorText: "budget", graphId: popular } },
    { name: "error 'no such text'", filter: { ...base, errorText: "no such text anywhere" } },
  ];
}
