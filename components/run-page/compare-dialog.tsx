"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "../trpc/trpc";
import { Button } from "../ui/button";
import { TextInput } from "../ui/text-input";
import { formatInstant } from "./format-run-values";
import { Modal } from "../ui/modal";
import { shortId } from "./run-lineage";
import type { TRunDetail } from "./run-types";
import { toMs } from "./run-types";
import styles from "./run-page.module.css";
import { StatusPill } from "./status-pill";

/** Pick the other run: the runs this one derives from, recent runs of the same graph, or any run id. */
export function CompareDialog(props: { workspaceId: string; workspaceSlug: string; run: TRunDetail; onClose: () => void }) {
  const { run, workspaceSlug } = props;
  const trpc = useTRPC();
  const router = useRouter();
  const [otherId, setOtherId] = useState("");
  const recent = useQuery(trpc.run.list.queryOptions({ workspaceId: props.workspaceId, graphId: run.graphId, limit: 15 }));
  const hrefFor = (otherRunId: string) => `/w/${workspaceSlug}/runs/compare?a=${encodeURIComponent(otherRunId)}&b=${encodeURIComponent(run.id)}`;
  const related = [run.replayOf && { id: run.replayOf.runId, why: "replayed run" }, run.forkOf && { id: run.forkOf.runId, why: "forked run" }, run.childOf && { id: run.childOf.runId, why: "parent run" }].filter(
    (entry): entry is { id: string; why: string } => !!entry,
  );
  const others = (recent.data?.items ?? []).filter((item) => item.id !== run.id && !related.some((entry) => entry.id === item.id));

  return (
    <Modal size="wide" title="Compare with another run" onClose={props.onClose}>
      <ul className={styles.runChoices} aria-label="Runs to compare with">
        {related.map((entry) => (
          <li key={entry.id}>
            <Link href={hrefFor(entry.id)}>{shortId(entry.id)}</Link>
            <span className={styles.muted}>the {entry.why}</span>
          </li>
        ))}
        {others.map((item) => (
          <li key={item.id}>
            <Link href={hrefFor(item.id)}>{shortId(item.id)}</Link>
            <StatusPill status={item.status} />
            <span className={styles.muted}>
              {item.trigger} · {formatInstant(toMs(item.createdAt))}
            </span>
          </li>
        ))}
        {related.length === 0 && others.length === 0 && !recent.isLoading && <li className={styles.muted}>No other run of this graph yet.</li>}
      </ul>
      <form
        className={styles.buttonRow}
        onSubmit={(event) => {
          event.preventDefault();
          if (otherId.trim()) router.push(hrefFor(otherId.trim()));
        }}
      >
        <TextInput aria-label="Run id to compare with" placeholder="Run id" value={otherId} onChange={(event) => setOtherId(event.target.value)} />
        <Button type="submit" variant="primary" disabled={!otherId.trim()}>
          Compare
        </Button>
        <Button onClick={props.onClose}>Close</Button>
      </form>
    </Modal>
  );
}
