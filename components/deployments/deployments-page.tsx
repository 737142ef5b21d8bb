"use client";

import { skipToken, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { useWorkspace } from "../workspace/use-workspace";
import { DeploymentHistory } from "./deployment-history";
import { DeploymentRequests } from "./deployment-requests";
import { EnvironmentLane } from "./environment-lane";
import styles from "./deployments.module.css";

/** Lanes and history follow live: the rules may promote or roll back a canary at any finished run. */
const LIVE_MS = 3_000;

/** A graph's Deployments view: one lane per environment (what runs there, canary and its numbers), then the history. */
export function DeploymentsPage({ workspaceSlug, graphId }: { workspaceSlug: string; graphId: string }) {
  const trpc = useTRPC();
  const { workspace, error, isLoading } = useWorkspace(workspaceSlug);
  const ref = workspace ? { workspaceId: workspace.id, graphId } : undefined;
  const graph = useQuery(trpc.graph.get.queryOptions(ref ?? skipToken));
  const versions = useQuery(trpc.graph.listVersions.queryOptions(ref ?? skipToken));
  const lanes = useQuery({ ...trpc.deployment.lanes.queryOptions(ref ?? skipToken), refetchInterval: LIVE_MS });
  const history = useQuery({ ...trpc.deployment.history.queryOptions(ref ?? skipToken), refetchInterval: LIVE_MS });

  if (error) return <main className={styles.page}><Alert>{getErrorMessage(error)}</Alert></main>;
  if (!isLoading && !workspace) return <main className={styles.page}><Alert>Workspace not found.</Alert></main>;
  const queryError = graph.error ?? lanes.error ?? versions.error ?? history.error;
  const versionNumbers = (versions.data ?? []).map((version) => version.number);
  const triggers = (lanes.data ?? []).flatMap((lane) => lane.triggers.map((trigger) => ({ ...trigger, environment: lane.environment })));

  return (
    <main className={styles.page}>
      <div className={styles.titleRow}>
        <Link href={`/w/${workspaceSlug}/graphs/${graphId}`}>{graph.data?.name ?? "Graph"}</Link>
        <span aria-hidden="true">/</span>
        <h1>Deployments</h1>
      </div>
      {queryError && <Alert>{getErrorMessage(queryError)}</Alert>}
      {versions.data && versions.data.length === 0 && <Alert tone="warning">Publish a version in the editor first: only published versions can be deployed.</Alert>}
      {ref && <DeploymentRequests {...ref} />}
      <section className={styles.lanes} aria-label="Environments">
        {ref && lanes.data?.map((lane) => (
          <EnvironmentLane
            key={lane.environment}
            target={{ ...ref, environment: lane.environment }}
            lane={lane}
            versions={versionNumbers}
            elsewhere={triggers.filter((trigger) => trigger.environment !== lane.environment)}
          />
        ))}
      </section>
      <DeploymentHistory entries={history.data} />
    </main>
  );
}
