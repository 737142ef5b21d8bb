"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { OpenClawExtensionDetails } from "./openclaw-extension-details";
import styles from "./settings.module.css";
import { useRefreshSettings } from "./use-settings-mutation";

/** The imported OpenClaw plugins and skills, each with its details on demand and a way to remove it from the palette. */
export function OpenClawExtensionsList({ workspaceId }: { workspaceId: string }) {
  const trpc = useTRPC();
  const refresh = useRefreshSettings();
  const extensions = useQuery(trpc.openClaw.list.queryOptions({ workspaceId }));
  const remove = useMutation(trpc.openClaw.remove.mutationOptions({ onSuccess: refresh }));
  const [openId, setOpenId] = useState<string>();
  const error = extensions.error ?? remove.error;
  return (
    <>
      {error && <Alert>{getErrorMessage(error)}</Alert>}
      <table className={styles.table} aria-label="Imported from OpenClaw">
        <thead><tr><th>Name</th><th>Kind</th><th>Version</th><th /></tr></thead>
        <tbody>
          {extensions.data?.map((extension) => (
            <Fragment key={extension.id}>
              <tr>
                <td>{extension.name} <span className={styles.muted}>({extension.externalId})</span></td>
                <td>{extension.kind === "openclaw-skill" ? "skill" : "plugin"}</td>
                <td>{extension.version ?? "—"}</td>
                <td>
                  <div className={styles.row}>
                    <Button aria-expanded={openId === extension.id} onClick={() => setOpenId(openId === extension.id ? undefined : extension.id)}>
                      {openId === extension.id ? "Hide details" : "Details"}
                    </Button>
                    <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate({ workspaceId, id: extension.id })}>Remove</Button>
                  </div>
                </td>
              </tr>
              {openId === extension.id && (
                <tr>
                  <td colSpan={4}><OpenClawExtensionDetails workspaceId={workspaceId} id={extension.id} /></td>
                </tr>
              )}
            </Fragment>
          ))}
          {extensions.data?.length === 0 && <tr><td colSpan={4} className={styles.muted}>Nothing imported yet.</td></tr>}
        </tbody>
      </table>
    </>
  );
}
