"use client";

import { skipToken, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo } from "react";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { useWorkspace } from "../workspace/use-workspace";
import { CompareCanvas } from "./compare-canvas";
import { CompareNodes } from "./compare-nodes";
import { CompareRunTitle } from "./compare-run-title";
import { compareRuns } from "./compare-runs";
import { CompareTotals } from "./compare-totals";
import styles from "./run-page.module.css";

/** Two runs side by side: path taken, per-node output diff, tokens, latency and cost per node and in total. */
export function RunComparePage({ workspaceSlug, a, b }: { workspaceSlug: string; a: string | undefined; b: string | undefined }) {
  const { workspace, error: workspaceError, isLoading } = useWorkspace(workspaceSlug);
  const trpc = useTRPC();
  const ref = (runId: string | undefined) => (workspace && runId ? { workspaceId: workspace.id, runId } : skipToken);
  const runA = useQuery(trpc.run.get.queryOptions(ref(a)));
  const runB = useQuery(trpc.run.get.queryOptions(ref(b)));
  const stepsA = useQuery(trpc.run.steps.queryOptions(ref(a)));
  const stepsB = useQuery(trpc.run.steps.queryOptions(ref(b)));
  const comparison = useMemo(() => {
    if (!runA.data || !runB.data || !stepsA.data || !stepsB.data) return undefined;
    return compareRuns({ ...runA.data, steps: stepsA.data }, { ...runB.data, steps: stepsB.data });
  }, [runA.data, runB.data, stepsA.data, stepsB.data]);

  const missing = !a || !b ? new Error("Choose two runs to compare (?a=<run>&b=<run>)") : null;
  const error = missing ?? workspaceError ?? runA.error ?? runB.error ?? stepsA.error ?? stepsB.error ?? (!isLoading && !workspace ? new Error("Workspace not found") : null);
  if (error) {
    return (
      <main className={styles.page}>
        <Alert>
          {getErrorMessage(error)} <Link href={`/w/${workspaceSlug}/runs`}>Back to the runs</Link>
        </Alert>
      </main>
    );
  }
  if (!comparison || !runA.data || !runB.data) return <main className={styles.page} aria-busy="true" />;

  return (
    <main className={styles.page} data-testid="run-compare">
      <header className={`${styles.card} ${styles.header}`}>
        <h1>Compare runs</h1>
        <CompareRunTitle name="A" run={runA.data} workspaceSlug={workspaceSlug} />
        <CompareRunTitle name="B" run={runB.data} workspaceSlug={workspaceSlug} />
      </header>
      <CompareTotals a={comparison.totals.a} b={comparison.totals.b} changedNodes={comparison.changedNodes} outputChanges={comparison.outputChanges} />
      <CompareCanvas graph={runB.data} nodes={comparison.nodes} />
      <CompareNodes nodes={comparison.nodes} />
    </main>
  );
}
