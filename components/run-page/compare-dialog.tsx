"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { formatRunNumber, formatRunRef, type TRunRef } from "@/lib/runs/run-number";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { TextInput } from "../ui/text-input";
import { formatDurationMs, formatInstant } from "./format-run-values";
import { Modal } from "../ui/modal";
import { parseRunSearch } from "./run-search";
import type { TRunDetail } from "./run-types";
import { toMs } from "./run-types";
import styles from "./run-page.module.css";
import { StatusPill } from "./status-pill";

const SHOWN_RUNS = 15;

/**
 * Pick the other run: the runs this one derives from, or the graph's runs searched by number ("#12" or "12"), status
 * and day (parseRunSearch), newest first. Enter in the search box compares with the first run found.
 */
export function CompareDialog(props: { workspaceId: string; workspaceSlug: string; run: TRunDetail; onClose: () => void }) {
  const { run, workspaceSlug } = props;
  const trpc = useTRPC();
  const router = useRouter();
  const [text, setText] = useState("");
  const { unknown, ...filter } = useMemo(() => parseRunSearch(text, new Date()), [text]);
  const found = useQuery({ ...trpc.run.list.queryOptions({ workspaceId: props.workspaceId, graphId: run.graphId, limit: SHOWN_RUNS + 1, ...filter }), placeholderData: keepPreviousData });
  const hrefFor = (otherRunId: string) => `/w/${workspaceSlug}/runs/compare?a=${encodeURIComponent(otherRunId)}&b=${encodeURIComponent(run.id)}`;
  const related = [
    run.replayOf && { ref: run.replayOf, why: "replayed run" },
    run.forkOf && { ref: run.forkOf, why: "forked run" },
    run.childOf && { ref: run.childOf, why: "parent run" },
  ].filter((entry): entry is { ref: TRunRef; why: string } => !!entry?.ref.seen);
  const others = (found.data?.items ?? []).filter((item) => item.id !== run.id).slice(0, SHOWN_RUNS);

  return (
    <Modal size="wide" title={`Compare ${formatRunNumber(run.number)} with another run`} onClose={props.onClose}>
      {related.length > 0 && (
        <ul className={styles.runChoices} aria-label="Runs this one derives from">
          {related.map((entry) => (
            <li key={entry.ref.runId}>
              <Link href={hrefFor(entry.ref.runId)}>{formatRunRef(entry.ref, run.graphId)}</Link>
              <span className={styles.muted}>the {entry.why}</span>
            </li>
          ))}
        </ul>
      )}
      <TextInput
        type="search"
        aria-label="Search runs"
        placeholder="Run number, status or day: #12, failed, 2026-05-01, yesterday"
        value={text}
        autoFocus
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== "Enter") return;
          event.preventDefault();
          // Runs still shown from the previous words are not what was asked for: wait for this search's answer.
          if (!others[0] || found.isPlaceholderData) return;
          router.push(hrefFor(others[0].id));
        }}
      />
      {unknown.length > 0 && (
        <p className={styles.muted} role="status">
          Not a run number, status or day: {unknown.join(", ")}
        </p>
      )}
      {found.error && <Alert>{getErrorMessage(found.error)}</Alert>}
      <ul className={styles.runChoices} aria-label="Runs to compare with" aria-busy={found.isFetching}>
        {others.map((item) => (
          <li key={item.id} data-testid="compare-choice">
            <Link href={hrefFor(item.id)}>{formatRunNumber(item.number)}</Link>
            <StatusPill status={item.status} />
            <span className={styles.muted}>
              {formatInstant(toMs(item.createdAt))} · {item.finishedAt && item.startedAt ? formatDurationMs(toMs(item.finishedAt) - toMs(item.startedAt)) : "not finished"}
            </span>
          </li>
        ))}
        {others.length === 0 && !found.isPending && <li className={styles.muted}>{text.trim() ? "No other run of this graph matches." : "No other run of this graph yet."}</li>}
      </ul>
      <div className={styles.buttonRow}>
        <Button onClick={props.onClose}>Close</Button>
      </div>
    </Modal>
  );
}
