"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { isRoleAtMost, type TRole } from "@/lib/auth/access-rights";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { TextInput } from "../ui/text-input";
import styles from "./settings.module.css";
import { useRefreshSettings } from "./use-settings-mutation";

const DEPLOY_ROLES = ["editor", "admin", "owner"] as const;

/**
 * The lanes every graph deploys through: who may deploy to each, whether a deploy there needs a second person's
 * approval, renaming, and deleting one nothing uses any more (production stays: new triggers and keys join it).
 */
export function EnvironmentsSection({ workspaceId, ownRole }: { workspaceId: string; ownRole: TRole }) {
  const trpc = useTRPC();
  const refresh = useRefreshSettings();
  const environments = useQuery(trpc.deployment.listEnvironments.queryOptions({ workspaceId }));
  const create = useMutation(trpc.environment.create.mutationOptions({ onSuccess: async () => { setName(""); await refresh(); } }));
  const update = useMutation(trpc.environment.update.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.environment.delete.mutationOptions({ onSuccess: refresh }));
  const [name, setName] = useState("");
  const [renaming, setRenaming] = useState<{ from: string; to: string } | null>(null);
  const error = create.error ?? update.error ?? remove.error ?? environments.error;
  const roles = DEPLOY_ROLES.filter((role) => isRoleAtMost(role, ownRole));

  return (
    <section className={styles.section} aria-labelledby="environments-title">
      <div className={styles.sectionHeader}>
        <h2 id="environments-title">Environments</h2>
        <p>Each graph's Deployments view shows one lane per environment. Four eyes: a deploy or promotion waits until another member who may deploy there approves it.</p>
      </div>
      {error && <Alert>{getErrorMessage(error)}</Alert>}
      <table className={styles.table}>
        <thead><tr><th>Name</th><th>Who deploys</th><th>Four eyes</th><th /></tr></thead>
        <tbody>
          {environments.data?.map((environment) => {
            const isLocked = !isRoleAtMost(environment.deployRole, ownRole);
            const isRenaming = renaming?.from === environment.name;
            return (
              <tr key={environment.id} data-testid={`environment-${environment.name}`}>
                <td>
                  {isRenaming ? (
                    <form className={styles.row} onSubmit={(event) => { event.preventDefault(); update.mutate({ workspaceId, environment: environment.name, name: renaming.to }, { onSuccess: () => setRenaming(null) }); }}>
                      <TextInput aria-label={`New name of ${environment.name}`} value={renaming.to} onChange={(e) => setRenaming({ ...renaming, to: e.target.value.toLowerCase() })} />
                      <Button type="submit" variant="primary" disabled={!renaming.to || update.isPending}>Save</Button>
                      <Button onClick={() => setRenaming(null)}>Cancel</Button>
                    </form>
                  ) : environment.name}
                </td>
                <td>
                  <select aria-label={`Who deploys to ${environment.name}`} value={environment.deployRole} disabled={isLocked || update.isPending} onChange={(e) => update.mutate({ workspaceId, environment: environment.name, deployRole: e.target.value as (typeof DEPLOY_ROLES)[number] })}>
                    {(isLocked ? [environment.deployRole] : roles).map((role) => <option key={role} value={role}>{role} and above</option>)}
                  </select>
                </td>
                <td>
                  <label>
                    <input type="checkbox" checked={environment.requiresApproval} disabled={isLocked || update.isPending} onChange={(e) => update.mutate({ workspaceId, environment: environment.name, requiresApproval: e.target.checked })} />{" "}
                    needs a second person
                  </label>
                </td>
                <td className={styles.row}>
                  {!isLocked && environment.name !== "production" && !isRenaming && (
                    <>
                      <Button onClick={() => setRenaming({ from: environment.name, to: environment.name })}>Rename</Button>
                      <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate({ workspaceId, environment: environment.name })}>Delete</Button>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form className={styles.row} onSubmit={(event) => { event.preventDefault(); create.mutate({ workspaceId, name }); }}>
        <TextInput aria-label="Environment name" placeholder="qa" value={name} onChange={(e) => setName(e.target.value.toLowerCase())} style={{ width: 200 }} />
        <Button type="submit" variant="primary" disabled={!name || create.isPending}>Add environment</Button>
      </form>
    </section>
  );
}
