"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { parseRetentionDays, runRetentionProblem, type TRunRetention } from "@/lib/runs/run-retention";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Field, TextInput } from "../ui/text-input";
import styles from "./settings.module.css";

const daysText = (days: number | null) => (days === null ? "" : String(days));

/** Admins: how many days finished runs are kept, failed ones longer; the pruner applies it within minutes. */
export function RunRetentionSection({ workspaceId }: { workspaceId: string }) {
  const trpc = useTRPC();
  const saved = useQuery(trpc.workspace.runRetention.queryOptions({ workspaceId }));
  if (saved.error) return <RetentionFrame><Alert>{getErrorMessage(saved.error)}</Alert></RetentionFrame>;
  if (!saved.data) return <RetentionFrame><p className={styles.muted}>Loading…</p></RetentionFrame>;
  return <RetentionForm key={JSON.stringify(saved.data)} workspaceId={workspaceId} saved={saved.data} />;
}

function RetentionFrame({ children }: { children: React.ReactNode }) {
  return (
    <section className={styles.section} aria-labelledby="run-retention-title">
      <div className={styles.sectionHeader}>
        <h2 id="run-retention-title">Run retention</h2>
        <p>Finished runs older than this are deleted with their steps, events and stored values. Runs still going are always kept.</p>
      </div>
      {children}
    </section>
  );
}

function RetentionForm({ workspaceId, saved }: { workspaceId: string; saved: TRunRetention }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [runText, setRunText] = useState(daysText(saved.runDays));
  const [failedText, setFailedText] = useState(daysText(saved.failedDays));
  const save = useMutation(
    trpc.workspace.setRunRetention.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.workspace.runRetention.queryKey({ workspaceId }) }),
    }),
  );
  const runDays = parseRetentionDays(runText);
  const failedDays = parseRetentionDays(failedText);
  const retention = "days" in runDays && "days" in failedDays ? { runDays: runDays.days, failedDays: failedDays.days } : undefined;
  const problem = "problem" in runDays ? runDays.problem : "problem" in failedDays ? failedDays.problem : runRetentionProblem(retention!);
  const isUnchanged = retention?.runDays === saved.runDays && retention?.failedDays === saved.failedDays;

  return (
    <RetentionFrame>
      {save.error && <Alert>{getErrorMessage(save.error)}</Alert>}
      <form
        className={styles.row}
        onSubmit={(event) => {
          event.preventDefault();
          if (retention && !problem) save.mutate({ workspaceId, retention });
        }}
      >
        <div className={styles.grow}>
          <Field label="Keep runs (days)">
            <TextInput inputMode="numeric" placeholder="forever" value={runText} onChange={(event) => setRunText(event.target.value)} aria-invalid={"problem" in runDays} />
          </Field>
        </div>
        <div className={styles.grow}>
          <Field label="Keep failed runs (days)">
            <TextInput inputMode="numeric" placeholder="as long as other runs" value={failedText} onChange={(event) => setFailedText(event.target.value)} aria-invalid={"problem" in failedDays} />
          </Field>
        </div>
        <Button type="submit" variant="primary" disabled={isUnchanged || !!problem || save.isPending}>
          Save
        </Button>
      </form>
      {problem && <Alert tone="warning">{problem}</Alert>}
      <p className={styles.muted}>
        {saved.runDays === null
          ? "Now: every run is kept."
          : `Now: runs are kept ${saved.runDays} days, failed runs ${saved.failedDays ?? saved.runDays} days.`}
      </p>
    </RetentionFrame>
  );
}
