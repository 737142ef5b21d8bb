"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ROLES, type TRole } from "@/lib/auth/access-rights";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Modal } from "../ui/modal";
import uiStyles from "../ui/ui.module.css";
import styles from "./graphs.module.css";

/** Roles a restriction can name: owners see every graph anyway. */
const NAMEABLE_ROLES = ROLES.filter((role) => role !== "owner");

type TAccess = { isRestricted: boolean; allowedRoles: TRole[]; allowedUserIds: string[] };

/** Who sees a graph: everyone in the workspace, or owners plus chosen roles and members (others do not see it at all). */
export function GraphAccessDialog({ workspaceId, graphId, graphName, onClose }: { workspaceId: string; graphId: string; graphName: string; onClose: () => void }) {
  const trpc = useTRPC();
  const graph = useQuery(trpc.graph.get.queryOptions({ workspaceId, graphId }));
  const members = useQuery(trpc.member.list.queryOptions({ workspaceId }));
  const loadError = graph.error ?? members.error;
  return (
    <Modal title={`Who sees “${graphName}”`} onClose={onClose}>
      {loadError && <Alert>{getErrorMessage(loadError)}</Alert>}
      {graph.data && members.data && (
        <AccessForm
          workspaceId={workspaceId}
          graphId={graphId}
          initial={{ isRestricted: graph.data.isRestricted, allowedRoles: graph.data.allowedRoles, allowedUserIds: graph.data.allowedUserIds }}
          members={members.data.filter((member) => member.role !== "owner")}
          onClose={onClose}
        />
      )}
    </Modal>
  );
}

function AccessForm(props: { workspaceId: string; graphId: string; initial: TAccess; members: { userId: string; name: string | null; email: string; role: TRole; isYou: boolean }[]; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [access, setAccess] = useState<TAccess>(props.initial);
  const save = useMutation(
    trpc.graph.setAccess.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.graph.pathKey() });
        props.onClose();
      },
    }),
  );
  const toggle = <T extends string>(list: T[], item: T, isOn: boolean) => (isOn ? [...list, item] : list.filter((candidate) => candidate !== item));

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ workspaceId: props.workspaceId, graphId: props.graphId, ...access });
      }}
    >
      {save.error && <Alert>{getErrorMessage(save.error)}</Alert>}
      <label className={styles.choice}>
        <input type="radio" name="access" checked={!access.isRestricted} onChange={() => setAccess({ ...access, isRestricted: false })} />
        Everyone in the workspace
      </label>
      <label className={styles.choice}>
        <input type="radio" name="access" checked={access.isRestricted} onChange={() => setAccess({ ...access, isRestricted: true })} />
        Only owners and the roles and members chosen below
      </label>
      <fieldset className={styles.accessLists} disabled={!access.isRestricted}>
        <legend>Roles</legend>
        {NAMEABLE_ROLES.map((role) => (
          <label key={role} className={styles.choice}>
            <input type="checkbox" checked={access.allowedRoles.includes(role)} onChange={(event) => setAccess({ ...access, allowedRoles: toggle(access.allowedRoles, role, event.target.checked) })} />
            every {role}
          </label>
        ))}
      </fieldset>
      <fieldset className={styles.accessLists} disabled={!access.isRestricted}>
        <legend>Members</legend>
        {props.members.map((member) => (
          <label key={member.userId} className={styles.choice}>
            <input type="checkbox" checked={access.allowedUserIds.includes(member.userId)} onChange={(event) => setAccess({ ...access, allowedUserIds: toggle(access.allowedUserIds, member.userId, event.target.checked) })} />
            {member.name ? `${member.name} · ${member.email}` : member.email} <span className={styles.muted}>({member.role}{member.isYou ? ", you" : ""})</span>
          </label>
        ))}
        {props.members.length === 0 && <span className={styles.muted}>Only owners are members.</span>}
      </fieldset>
      <p className={styles.muted}>Members who do not see a graph find no trace of it: not in lists, runs, links or live views.</p>
      <div className={uiStyles.dialogActions}>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={save.isPending}>Save access</Button>
      </div>
    </form>
  );
}
