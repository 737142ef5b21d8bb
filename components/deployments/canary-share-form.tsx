"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import type { TTarget } from "./deployment-types";
import styles from "./deployments.module.css";

export function CanaryShareForm({ target, share, onChanged }: { target: TTarget; share: number; onChanged: () => void }) {
  const trpc = useTRPC();
  const [value, setValue] = useState(share);
  const setShare = useMutation(trpc.deployment.setShare.mutationOptions({ onSuccess: onChanged }));
  return (
    <form
      className={styles.deployForm}
      onSubmit={(event) => {
        event.preventDefault();
        setShare.mutate({ ...target, share: value });
      }}
    >
      <label>
        Canary share %{" "}
        <input className={styles.number} type="number" min={1} max={50} value={value} onChange={(event) => setValue(Number(event.target.value))} />
      </label>
      <Button type="submit" disabled={setShare.isPending || value === share}>Set share</Button>
      {setShare.error && <Alert>{getErrorMessage(setShare.error)}</Alert>}
    </form>
  );
}
