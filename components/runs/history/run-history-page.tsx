"use client";

import { skipToken, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { getErrorMessage } from "../../trpc/error-message";
import { useTRPC } from "../../trpc/trpc";
import { Alert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { useWorkspace } from "../../workspace/use-workspace";
import { toRunFilterInput } from "./history-filter";
import { RunFilters } from "./run-filters";
import { RunTable } from "./run-table";
import { RunTotals } from "./run-totals";
import { RunsChart } from "./runs-chart";
import { useHistoryFilter } from "./use-history-filter";
import styles from "./history.module.css";

const PAGE_SIZE = 25;

export function RunHistoryPage({ workspaceSlug }: { workspaceSlug: string }) {
  const { workspace, error, isLoading } = useWorkspace(workspaceSlug);
  const { filter, setFilter, now, refresh } = useHistoryFilter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = workspace ? { workspaceId: workspace.id, ...toRunFilterInput(filter, now) } : undefined;

  const runs = useInfiniteQuery(
    trpc.run.list.infiniteQueryOptions(input ? { ...input, limit: PAGE_SIZE } : skipToken, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  const stats = useQuery(trpc.run.stats.queryOptions(input ?? skipToken));

  if (error) return <main className={styles.page}><Alert>{getErrorMessage(error)}</Alert></main>;
  if (!isLoading && !workspace) return <main className={styles.page}><Alert>Workspace not found.</Alert></main>;

  const queryError = runs.error ?? stats.error;
  return (
    <main className={styles.page}>
      <div className={styles.titleRow}>
        <h1>Runs</h1>
        <Button
          onClick={() => {
            refresh();
            void queryClient.invalidateQueries({ queryKey: trpc.run.list.infiniteQueryKey() });
            void queryClient.invalidateQueries({ queryKey: trpc.run.stats.queryKey() });
          }}
        >
          Refresh
        </Button>
      </div>
      {workspace && <RunFilters workspaceId={workspace.id} filter={filter} onChange={setFilter} />}
      {queryError && <Alert>{getErrorMessage(queryError)}</Alert>}
      <section className={styles.summary} aria-label="Totals">
        <RunTotals totals={stats.data?.totals} />
        <RunsChart chart={stats.data?.chart} />
      </section>
      <RunTable
        runs={runs.data?.pages.flatMap((page) => page.items) ?? []}
        workspaceSlug={workspaceSlug}
        isLoading={runs.isPending}
        hasMore={runs.hasNextPage}
        isLoadingMore={runs.isFetchingNextPage}
        onLoadMore={() => void runs.fetchNextPage()}
      />
    </main>
  );
}
