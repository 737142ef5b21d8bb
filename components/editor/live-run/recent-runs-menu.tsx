"use client";

import { useQuery } from "@tanstack/react-query";
import { History } from "lucide-react";
import { formatRunNumber } from "@/lib/runs/run-number";
import { useState } from "react";
import { useTRPC } from "../../trpc/trpc";
import { Button } from "../../ui/button";
import { formatRelativeTime } from "../../ui/format-relative-time";
import styles from "../editor.module.css";

const RECENT_RUNS = 8;

/** The graph's latest runs, newest first; picking one shows it on the canvas (live if it is still going). */
export function RecentRunsMenu(props: { workspaceId: string; graphId: string; followedRunId: string | undefined; onFollow: (runId: string) => void }) {
  const trpc = useTRPC();
  const [isOpen, setIsOpen] = useState(false);
  const runs = useQuery({ ...trpc.run.list.queryOptions({ workspaceId: props.workspaceId, graphId: props.graphId, limit: RECENT_RUNS }), enabled: isOpen });

  return (
    <div className={styles.recentRuns}>
      <Button variant="ghost" className={styles.iconButton} onClick={() => setIsOpen((open) => !open)} aria-expanded={isOpen} aria-label="Recent runs" title="Recent runs: show one on the canvas">
        <History size={16} aria-hidden="true" />
      </Button>
      {isOpen && (
        <ul className={styles.runPopover} aria-label="Recent runs">
          {runs.isPending && <li className={styles.muted}>Loading…</li>}
          {runs.data?.items.length === 0 && <li className={styles.muted}>No runs of this graph yet.</li>}
          {runs.data?.items.map((run) => (
            <li key={run.id}>
              <button
                type="button"
                className={styles.recentRun}
                aria-current={run.id === props.followedRunId}
                onClick={() => {
                  props.onFollow(run.id);
                  setIsOpen(false);
                }}
              >
                <strong>{formatRunNumber(run.number)}</strong> <span className={`${styles.runStatus} ${styles[`run-${run.status}`] ?? ""}`}>{run.status}</span> {run.versionNumber ? `v${run.versionNumber}` : "draft"} · {formatRelativeTime(run.createdAt)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
