"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import type { TTarget } from "./deployment-types";
import styles from "./deployments.module.css";

/** Deploy a published version as the stable one, or (when something runs already) as a canary with a share. */
export function DeployForm(props: { target: TTarget; versions: number[]; hasStable: boolean; isAllowed: boolean; refusal?: string; onDeployed: () => void }) {
  const trpc = useTRPC();
  const [version, setVersion] = useState<number | null>(null);
  const [isCanary, setIsCanary] = useState(false);
  const [share, setShare] = useState(10);
  const [minRuns, setMinRuns] = useState(20);
  const deploy = useMutation(trpc.deployment.deploy.mutationOptions({ onSuccess: props.onDeployed }));
  const newest = props.versions.length > 0 ? Math.max(...props.versions) : null;
  const chosen = version ?? newest;
  const asCanary = isCanary && props.hasStable;

  return (
    <form
      className={styles.deployForm}
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen === null) return;
        deploy.mutate({ ...props.target, version: chosen, ...(asCanary ? { canary: { share, minRuns } } : {}) });
      }}
    >
      <label>
        Version{" "}
        <select className={styles.select} value={chosen ?? ""} onChange={(event) => setVersion(Number(event.target.value))} disabled={props.versions.length === 0}>
          {props.versions.map((number) => <option key={number} value={number}>v{number}</option>)}
        </select>
      </label>
      {props.hasStable && (
        <label>
          <input type="checkbox" checked={isCanary} onChange={(event) => setIsCanary(event.target.checked)} /> as canary
        </label>
      )}
      {asCanary && (
        <>
          <label>
            Share %{" "}
            <input className={styles.number} type="number" min={1} max={50} value={share} onChange={(event) => setShare(Number(event.target.value))} />
          </label>
          <label title="The rules decide once the candidate has this many finished runs">
            Min runs{" "}
            <input className={styles.number} type="number" min={1} value={minRuns} onChange={(event) => setMinRuns(Number(event.target.value))} />
          </label>
        </>
      )}
      <Button type="submit" variant="primary" disabled={!props.isAllowed || chosen === null || deploy.isPending} title={props.refusal}>
        {asCanary ? "Start canary" : "Deploy"}
      </Button>
      {deploy.data?.pendingRequestId && <p className={styles.muted} role="status">Waiting for a second person&apos;s approval.</p>}
      {deploy.error && <Alert>{getErrorMessage(deploy.error)}</Alert>}
    </form>
  );
}
