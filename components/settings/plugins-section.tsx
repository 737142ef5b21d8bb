"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert, Badge } from "../ui/alert";
import { Button } from "../ui/button";
import { readFileAsBase64 } from "./read-file";
import styles from "./settings.module.css";
import { useRefreshSettings } from "./use-settings-mutation";

export function PluginsSection({ workspaceId, canManage, isOwner }: { workspaceId: string; canManage: boolean; isOwner: boolean }) {
  const trpc = useTRPC();
  const refresh = useRefreshSettings();
  const plugins = useQuery(trpc.plugin.list.queryOptions({ workspaceId }));
  const workspaces = useQuery(trpc.workspace.list.queryOptions());
  const allowsUnsigned = workspaces.data?.find((workspace) => workspace.id === workspaceId)?.allowUnsignedPlugins ?? false;
  const options = { onSuccess: refresh };
  const install = useMutation(trpc.plugin.install.mutationOptions(options));
  const uninstall = useMutation(trpc.plugin.uninstall.mutationOptions(options));
  const setEnabled = useMutation(trpc.plugin.setEnabled.mutationOptions(options));
  const grant = useMutation(trpc.plugin.grant.mutationOptions(options));
  const setAllowUnsigned = useMutation(trpc.plugin.setAllowUnsigned.mutationOptions(options));
  const fileRef = useRef<HTMLInputElement>(null);
  const error = install.error ?? uninstall.error ?? setEnabled.error ?? grant.error ?? setAllowUnsigned.error ?? plugins.error;

  async function onInstall(event: React.FormEvent) {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    install.mutate({ workspaceId, archiveBase64: await readFileAsBase64(file) }, { onSuccess: () => fileRef.current && (fileRef.current.value = "") });
  }

  return (
    <section className={styles.section} aria-labelledby="plugins-title">
      <div className={styles.sectionHeader}>
        <h2 id="plugins-title">Plugins</h2>
        <p>Signed plugins from trusted publishers; their code runs sandboxed with only the permissions granted here.</p>
      </div>
      {error && <Alert>{getErrorMessage(error)}</Alert>}
      <table className={styles.table}>
        <thead>
          <tr><th>Plugin</th><th>Signature</th><th>Permissions</th><th>Enabled</th><th /></tr>
        </thead>
        <tbody>
          {plugins.data?.map((plugin) => (
            <tr key={plugin.pluginKey} data-testid="plugin-row">
              <td>
                <strong>{plugin.name}</strong> <span className={styles.muted}>{plugin.version}</span>
                <div className={styles.muted}>{plugin.pluginKey} · {plugin.publisher} · {plugin.nodeTypeCount} node types</div>
                {plugin.pins.length > 0 && (
                  <ul className={`${styles.muted} ${styles.pinList}`} aria-label={`Graph versions pinned to ${plugin.name}`} data-testid="plugin-pins">
                    {plugin.pins.map((pin) => (
                      <li key={`${pin.graphId}:${pin.versionNumber}`}>
                        {pin.graphName} v{pin.versionNumber} runs {plugin.pluginKey} {pin.version}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>{plugin.isBuiltin ? <Badge>built-in</Badge> : plugin.signedBy ? <Badge title="Fingerprint of the signing key">signed · {plugin.signedBy}</Badge> : <Badge>unsigned</Badge>}</td>
              <td>
                {(["egress", "secrets"] as const).flatMap((kind) =>
                  plugin.permissions[kind].map((target) => (
                    <label key={`${kind}:${target}`} className={styles.checkbox}>
                      <input
                        type="checkbox"
                        disabled={!canManage || plugin.isBuiltin}
                        checked={plugin.grants[kind].includes(target)}
                        onChange={(event) => {
                          const next = { ...plugin.grants, [kind]: event.target.checked ? [...plugin.grants[kind], target] : plugin.grants[kind].filter((item) => item !== target) };
                          grant.mutate({ workspaceId, pluginKey: plugin.pluginKey, grants: next });
                        }}
                      />
                      <span className={styles.mono}>{kind === "egress" ? target : `secret ${target}`}</span>
                    </label>
                  )),
                )}
                {plugin.permissions.egress.length + plugin.permissions.secrets.length === 0 && <span className={styles.muted}>none</span>}
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Enable ${plugin.name}`}
                  disabled={!canManage || plugin.isBuiltin}
                  checked={plugin.isEnabled}
                  onChange={(event) => setEnabled.mutate({ workspaceId, pluginKey: plugin.pluginKey, isEnabled: event.target.checked })}
                />
              </td>
              <td>{canManage && !plugin.isBuiltin && <Button variant="danger" onClick={() => uninstall.mutate({ workspaceId, pluginKey: plugin.pluginKey })}>Uninstall</Button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {canManage && (
        <form className={styles.row} onSubmit={onInstall}>
          <label className={styles.grow}>
            <span className="visually-hidden">Plugin archive</span>
            <input ref={fileRef} type="file" accept=".tgz,application/gzip" aria-label="Plugin archive (.tgz)" />
          </label>
          <Button type="submit" variant="primary" disabled={install.isPending}>{install.isPending ? "Installing…" : "Install plugin"}</Button>
        </form>
      )}
      {isOwner && (
        <label className={styles.checkbox}>
          <input type="checkbox" checked={allowsUnsigned} onChange={(event) => setAllowUnsigned.mutate({ workspaceId, isAllowed: event.target.checked })} />
          Allow unsigned plugins in this workspace (never in graphs tagged production)
        </label>
      )}
      {(setAllowUnsigned.data?.disabledPlugins.length ?? 0) > 0 && (
        <Alert tone="warning">Disabled the unsigned plugins {setAllowUnsigned.data!.disabledPlugins.join(", ")}: graphs that use them cannot run until they are signed or allowed again.</Alert>
      )}
    </section>
  );
}
