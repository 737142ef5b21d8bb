"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import type { TTarget } from "./deployment-types";
import styles from "./deployments.module.css";

export type TLaneTrigger = { kind: string; nodeId: string; environment: string };

/** Moves one of the graph's triggers (now in another lane) here; its URL stays the same. */
export function MoveTriggerForm({ target, triggers, onMoved }: { target: TTarget; triggers: TLaneTrigger[]; onMoved: () => void }) {
  const trpc = useTRPC();
  const [picked, setPicked] = useState(0);
  const move = useMutation(trpc.deployment.moveTrigger.mutationOptions({ onSuccess: onMoved }));
  const trigger = triggers[Math.min(picked, triggers.length - 1)];
  if (!trigger) return null;
  return (
    <form
      className={styles.deployForm}
      onSubmit={(event) => {
        event.preventDefault();
        move.mutate({ ...target, nodeId: trigger.nodeId, kind: trigger.kind === "schedule" ? "schedule" : "webhook" });
      }}
    >
      <label>
        Trigger{" "}
        <select className={styles.select} value={Math.min(picked, triggers.length - 1)} onChange={(event) => setPicked(Number(event.target.value))}>
          {triggers.map((entry, index) => <option key={`${entry.kind}-${entry.nodeId}`} value={index}>{entry.kind} ({entry.nodeId}) from {entry.environment}</option>)}
        </select>
      </label>
      <Button type="submit" disabled={move.isPending}>Move here</Button>
      {move.error && <Alert>{getErrorMessage(move.error)}</Alert>}
    </form>
  );
}
