"use client";

import { useQuery } from "@tanstack/react-query";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import styles from "./settings.module.css";

/**
 * What an import kept of one OpenClaw plugin or skill: its channels (each a palette entry with the settings form of
 * `channels.<channel>`), tools with their `toolMetadata`, skill folders, package.json's `openclaw` block, and for a
 * skill its front matter `metadata`, `allowed-tools` and Markdown body (shown as text, never rendered as HTML).
 */
export function OpenClawExtensionDetails({ workspaceId, id }: { workspaceId: string; id: string }) {
  const trpc = useTRPC();
  const details = useQuery(trpc.openClaw.get.queryOptions({ workspaceId, id }));
  if (details.error) return <Alert>{getErrorMessage(details.error)}</Alert>;
  const extension = details.data;
  if (!extension) return <p className={styles.muted} aria-busy="true">Loading…</p>;
  return (
    <div className={styles.details} data-testid="openclaw-extension-details">
      {extension.description && <p>{extension.description}</p>}
      {extension.kind === "openclaw-plugin" && (
        <>
          <p>Plugin settings (plugins.entries.{extension.externalId}.config): {extension.settingCount}</p>
          {extension.channels.length > 0 && (
            <table className={styles.table} aria-label="Channels">
              <thead><tr><th>Channel</th><th>Settings</th><th>UI hints</th><th>Palette entry</th></tr></thead>
              <tbody>
                {extension.channels.map((channel) => (
                  <tr key={channel.channel}>
                    <td>{channel.label} <span className={styles.muted}>({channel.channel})</span>{channel.description && <div className={styles.muted}>{channel.description}</div>}</td>
                    <td>{channel.settingCount}</td>
                    <td>{channel.hintCount}</td>
                    <td className={styles.mono}>{channel.nodeType}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {extension.tools.length > 0 && (
            <table className={styles.table} aria-label="Tools">
              <thead><tr><th>Tool</th><th>Metadata</th></tr></thead>
              <tbody>
                {extension.tools.map((tool) => (
                  <tr key={tool.name}>
                    <td className={styles.mono}>{tool.name}{tool.description && <div className={styles.muted}>{tool.description}</div>}</td>
                    <td>{tool.metadata ? <JsonBlock value={tool.metadata} /> : <span className={styles.muted}>none</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {extension.providers.length > 0 && <p>Providers: {extension.providers.join(", ")}</p>}
          {extension.skills.length > 0 && <p>Skill folders: <span className={styles.mono}>{extension.skills.join(", ")}</span></p>}
          {extension.packageOpenClaw && (
            <details>
              <summary>package.json openclaw</summary>
              <JsonBlock value={extension.packageOpenClaw} />
            </details>
          )}
        </>
      )}
      {extension.kind === "openclaw-skill" && (
        <>
          <p>Allowed tools: {extension.allowedTools.length > 0 ? <span className={styles.mono}>{extension.allowedTools.join(", ")}</span> : <span className={styles.muted}>not limited</span>}</p>
          {extension.skillMetadata && (
            <div>
              Metadata
              <JsonBlock value={extension.skillMetadata} />
            </div>
          )}
          <div>
            SKILL.md body
            <pre className={styles.pre} aria-label="SKILL.md body">{extension.skillBody ?? ""}</pre>
          </div>
        </>
      )}
    </div>
  );
}

function JsonBlock({ value }: { value: unknown }) {
  return <pre className={styles.pre}>{JSON.stringify(value, null, 2)}</pre>;
}
