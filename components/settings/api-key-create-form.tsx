"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { isRoleAtMost, ROLES, type TRole } from "@/lib/auth/access-rights";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { TextInput } from "../ui/text-input";
import { ApiKeyLimits, type TApiKeyLimits } from "./api-key-limits";
import { EXPIRY_CHOICES, expiryFromDays } from "./api-key-state";
import { IssuedApiKey } from "./issued-api-key";
import styles from "./settings.module.css";

/**
 * Name, role (never above the creator's own), optional limits (scopes within the role, a graph list), an expiry, and
 * the environment whose deployments its runs use.
 */
export function ApiKeyCreateForm({ workspaceId, ownRole, onCreated }: { workspaceId: string; ownRole: TRole; onCreated: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const graphs = useQuery(trpc.graph.list.queryOptions({ workspaceId }));
  const environments = useQuery(trpc.deployment.listEnvironments.queryOptions({ workspaceId }));
  const [environment, setEnvironment] = useState("production");
  const [name, setName] = useState("");
  const [role, setRole] = useState<TRole>("viewer");
  const [limits, setLimits] = useState<TApiKeyLimits>({ scopes: null, graphIds: [] });
  const [expiryDays, setExpiryDays] = useState<number | null>(90);
  const [issued, setIssued] = useState<{ name: string; key: string } | null>(null);
  const create = useMutation(
    trpc.apiKey.create.mutationOptions({
      onSuccess: async ({ apiKey, key }) => {
        setIssued({ name: apiKey.name, key });
        setName("");
        await onCreated();
      },
    }),
  );

  if (issued) return <IssuedApiKey workspaceId={workspaceId} name={issued.name} apiKey={issued.key} onDone={() => setIssued(null)} />;
  return (
    <>
      {create.error && <Alert>{getErrorMessage(create.error)}</Alert>}
      <form
        className={styles.row}
        onSubmit={(event) => {
          event.preventDefault();
          const { scopes, graphIds } = limits;
          create.mutate({ workspaceId, name, role, scopes: scopes ?? undefined, graphIds: graphIds.length > 0 ? graphIds : undefined, expiresAt: expiryFromDays(expiryDays), environment });
        }}
      >
        <TextInput aria-label="Key name" placeholder="Name (what uses it)" value={name} onChange={(e) => setName(e.target.value)} className={styles.grow} />
        <select aria-label="Key role" value={role} onChange={(e) => { setRole(e.target.value as TRole); setLimits({ ...limits, scopes: null }); }}>
          {ROLES.filter((candidate) => isRoleAtMost(candidate, ownRole)).map((candidate) => <option key={candidate} value={candidate}>{candidate}</option>)}
        </select>
        <select aria-label="Key expiry" value={String(expiryDays)} onChange={(e) => setExpiryDays(e.target.value === "null" ? null : Number(e.target.value))}>
          {EXPIRY_CHOICES.map((choice) => <option key={choice.label} value={String(choice.days)}>{choice.days === null ? "Never expires" : `Expires in ${choice.label}`}</option>)}
        </select>
        <select aria-label="Key environment" title="Runs the key starts use this environment's deployment" value={environment} onChange={(e) => setEnvironment(e.target.value)}>
          {(environments.data ?? [{ name: "production" }]).map((candidate) => <option key={candidate.name} value={candidate.name}>runs in {candidate.name}</option>)}
        </select>
        <Button type="submit" variant="primary" disabled={!name.trim() || limits.scopes?.length === 0 || create.isPending}>Create key</Button>
        <ApiKeyLimits role={role} graphs={graphs.data ?? []} limits={limits} onChange={setLimits} />
      </form>
    </>
  );
}
