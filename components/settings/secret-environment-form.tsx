"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { TextInput } from "../ui/text-input";
import styles from "./settings.module.css";

/** A secret's own value in one environment: runs there resolve it instead of the default. Sent once, never shown. */
export function SecretEnvironmentForm({ workspaceId, names, onSaved }: { workspaceId: string; names: string[]; onSaved: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const environments = useQuery(trpc.deployment.listEnvironments.queryOptions({ workspaceId }));
  const [name, setName] = useState("");
  const [environment, setEnvironment] = useState("");
  const [value, setValue] = useState("");
  const chosenName = name || names[0] || "";
  const chosenEnvironment = environment || environments.data?.[0]?.name || "";
  const save = useMutation(trpc.secret.setEnvironmentValue.mutationOptions({ onSuccess: async () => { setValue(""); await onSaved(); } }));
  if (names.length === 0) return null;
  return (
    <form className={styles.row} onSubmit={(event) => { event.preventDefault(); save.mutate({ workspaceId, name: chosenName, environment: chosenEnvironment, value }); }}>
      <select aria-label="Secret for an environment" value={chosenName} onChange={(e) => setName(e.target.value)}>
        {names.map((candidate) => <option key={candidate} value={candidate}>{candidate}</option>)}
      </select>
      <select aria-label="Environment of the value" value={chosenEnvironment} onChange={(e) => setEnvironment(e.target.value)}>
        {environments.data?.map((candidate) => <option key={candidate.id} value={candidate.name}>in {candidate.name}</option>)}
      </select>
      <TextInput aria-label="Value in that environment" placeholder="Value in that environment" type="password" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} className={styles.grow} />
      <Button type="submit" variant="primary" disabled={!value || !chosenEnvironment || save.isPending}>Set environment value</Button>
      {save.error && <Alert>{getErrorMessage(save.error)}</Alert>}
    </form>
  );
}
