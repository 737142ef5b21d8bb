"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "next/navigation";
import { useState } from "react";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import type { TTarget } from "./deployment-types";
import { ReplayPairs } from "./replay-pairs";
import styles from "./blue-green.module.css";
import laneStyles from "./deployments.module.css";

/** While a replay runs, its pairs fill in as the replays end. */
const REPLAY_POLL_MS = 1_500;

/**
 * Blue/green in one environment: a version idle beside the stable one, the last production runs replayed through it
 * (recorded calls unless live calls are allowed) with a diff per run, and the switch; after a switch the old stable
 * version waits on standby and switching back to it is the rollback.
 */
export function BlueGreenPanel({ target, versions, stableVersion, canDeploy }: { target: TTarget; versions: number[]; stableVersion: number; canDeploy: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { workspace: workspaceSlug = "" } = useParams<{ workspace?: string }>();
  const state = useQuery({
    ...trpc.deployment.blueGreen.queryOptions(target),
    refetchInterval: (query) => (query.state.data?.replays.some((replay) => !replay.finishedAt) ? REPLAY_POLL_MS : false),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.deployment.pathKey() });
  const deployIdle = useMutation(trpc.deployment.deployIdle.mutationOptions({ onSuccess: refresh }));
  const replay = useMutation(trpc.deployment.replayIdle.mutationOptions({ onSuccess: refresh }));
  const switchIdle = useMutation(trpc.deployment.switchIdle.mutationOptions({ onSuccess: refresh }));
  const others = versions.filter((number) => number !== stableVersion);
  const [chosen, setChosen] = useState<number | null>(null);
  const [count, setCount] = useState(5);
  const [allowLiveCalls, setAllowLiveCalls] = useState(false);
  const idle = state.data?.idle ?? null;
  const version = chosen ?? (others.length > 0 ? Math.max(...others) : null);
  const error = state.error ?? deployIdle.error ?? replay.error ?? switchIdle.error;
  const latest = state.data?.replays[0];

  return (
    <section className={styles.panel} aria-label={`Blue/green in ${target.environment}`}>
      <h3>Blue/green</h3>
      {idle && (
        <p data-testid="lane-idle">
          {idle.role === "standby"
            ? <>v{idle.number} on standby: switching back to it is the rollback.</>
            : <><strong>v{idle.number}</strong> idle: it takes no deliveries until the switch.</>}
        </p>
      )}
      {canDeploy && (
        <form
          className={laneStyles.deployForm}
          onSubmit={(event) => {
            event.preventDefault();
            if (version !== null) deployIdle.mutate({ ...target, version });
          }}
        >
          <label>
            Idle candidate{" "}
            <select className={laneStyles.select} value={version ?? ""} onChange={(event) => setChosen(Number(event.target.value))} disabled={others.length === 0}>
              {others.map((number) => <option key={number} value={number}>v{number}</option>)}
            </select>
          </label>
          <Button type="submit" disabled={version === null || deployIdle.isPending}>Add as idle</Button>
        </form>
      )}
      {canDeploy && idle && (
        <form
          className={laneStyles.deployForm}
          onSubmit={(event) => {
            event.preventDefault();
            replay.mutate({ ...target, count, allowLiveCalls });
          }}
        >
          <label>
            Runs to replay{" "}
            <input className={laneStyles.number} type="number" min={1} max={50} value={count} onChange={(event) => setCount(Number(event.target.value))} />
          </label>
          <label title="Steps that changed call their models and hosts for real; without it they fail unrun">
            <input type="checkbox" checked={allowLiveCalls} onChange={(event) => setAllowLiveCalls(event.target.checked)} /> allow live calls
          </label>
          <Button type="submit" disabled={replay.isPending}>Replay on v{idle.number}</Button>
          <Button variant="primary" disabled={switchIdle.isPending} onClick={() => switchIdle.mutate(target)}>
            {idle.role === "standby" ? `Switch back to v${idle.number}` : `Switch to v${idle.number}`}
          </Button>
        </form>
      )}
      {error && <Alert>{getErrorMessage(error)}</Alert>}
      {latest && <ReplayPairs replay={latest} workspaceSlug={workspaceSlug} />}
    </section>
  );
}
