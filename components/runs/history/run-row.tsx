import Link from "next/link";
import { useRouter } from "next/navigation";
import type { inferRouterOutputs } from "@trpc/server";
import { formatRunNumber } from "@/lib/runs/run-number";
import type { AppRouter } from "@/server/api/root";
import { formatRelativeTime } from "../../ui/format-relative-time";
import { formatCost, formatDuration, formatInstant, formatTokens } from "./format-run";
import { RunStatusBadge } from "./run-status-badge";
import styles from "./history.module.css";

export type TRunListItem = inferRouterOutputs<AppRouter>["run"]["list"]["items"][number];

/** A row opens its run wherever it is clicked; the number links to it for keyboard and middle click. */
export function RunRow({ run, workspaceSlug }: { run: TRunListItem; workspaceSlug: string }) {
  const router = useRouter();
  const href = `/w/${workspaceSlug}/runs/${run.id}`;
  return (
    <tr
      data-testid="run-row"
      data-run-id={run.id}
      className={styles.openableRow}
      onClick={(event) => {
        // A selection being made, or a link of its own, is not a request to open the run.
        if ((event.target as HTMLElement).closest("a, button") || window.getSelection()?.toString()) return;
        router.push(href);
      }}
    >
      <td>
        <Link href={href} aria-label={`Open run ${formatRunNumber(run.number)} of ${run.graphName}`}>
          {formatRunNumber(run.number)}
        </Link>
      </td>
      <td>
        <RunStatusBadge status={run.status} />
      </td>
      <td>
        {run.graphName} <span className={styles.muted}>{run.versionNumber === null ? "draft" : `v${run.versionNumber}`}</span>
      </td>
      <td>{run.trigger}</td>
      <td title={formatInstant(run.startedAt ?? run.createdAt)}>{formatRelativeTime(run.startedAt ?? run.createdAt)}</td>
      <td>{formatInstant(run.finishedAt)}</td>
      <td>{formatDuration(run.startedAt, run.finishedAt)}</td>
      <td>{formatTokens(run.tokens)}</td>
      <td>{formatCost(run.costUsd)}</td>
      <td className={styles.errorCell} title={run.errorMessage ?? undefined}>
        {run.errorMessage ?? ""}
      </td>
    </tr>
  );
}
