"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { getErrorMessage } from "../../trpc/error-message";
import { useTRPC } from "../../trpc/trpc";
import { Alert, Badge } from "../../ui/alert";
import { Button } from "../../ui/button";
import styles from "../editor.module.css";
import type { TInspectorExtraProps } from "../inspector-extras";
import { setPinned, toMcpToolRows, type TMcpToolRow } from "./mcp-tool-rows";

const STATUS_TEXT: Record<TMcpToolRow["status"], string> = {
  approved: "approved",
  changed: "changed: re-approve",
  new: "not approved",
  missing: "no longer offered",
};

/**
 * The MCP Tools node's server and approvals: pick an approved command (or enter a URL), inspect the server, and check
 * the tools the agent may use. Checking pins the definition shown; a server that later changes it loses the tool
 * until someone checks it again here.
 */
export function McpToolsExtra(props: TInspectorExtraProps) {
  // Keyed by node: an inspection belongs to the node it was made for.
  return <McpToolsSection key={props.node.id} {...props} />;
}

function McpToolsSection({ node, workspaceId, isReadOnly, onChange }: TInspectorExtraProps) {
  const trpc = useTRPC();
  const { config } = node;
  const transport = config.transport === "http" ? "http" : "stdio";
  const commandId = typeof config.commandId === "string" ? config.commandId : "";
  const url = typeof config.url === "string" ? config.url : "";
  const pinned = readPinned(config.pinnedTools);
  const commands = useQuery({ ...trpc.mcp.listCommands.queryOptions({ workspaceId }), retry: false });
  const inspect = useMutation(trpc.mcp.inspectServer.mutationOptions());

  const setConfig = (changes: Record<string, unknown>) => {
    const next = { ...config, ...changes };
    for (const [key, value] of Object.entries(changes)) if (value === undefined) delete next[key];
    onChange({ ...node, config: next });
  };
  // Another server's tools are other tools, whatever their names: approvals start over.
  const changeServer = (changes: Record<string, unknown>) => {
    inspect.reset();
    setConfig({ ...changes, pinnedTools: undefined });
  };
  const runInspection = () =>
    inspect.mutate(transport === "stdio" ? { workspaceId, transport, commandId } : { workspaceId, transport, url });
  const canInspect = transport === "stdio" ? commandId !== "" : url !== "";
  const rows = inspect.data ? toMcpToolRows(inspect.data.tools, pinned) : [];
  const approvedNames = Object.keys(pinned);

  return (
    <div className={styles.inspector} data-testid="mcp-tools-extra">
      <label className={styles.field}>
        <span>Server</span>
        <select aria-label="MCP transport" value={transport} disabled={isReadOnly} onChange={(event) => changeServer({ transport: event.target.value })}>
          <option value="stdio">Approved command (stdio)</option>
          <option value="http">URL (streamable HTTP)</option>
        </select>
      </label>
      {transport === "stdio" ? (
        <label className={styles.field}>
          <span>Command</span>
          <select aria-label="MCP command" value={commandId} disabled={isReadOnly} onChange={(event) => changeServer({ commandId: event.target.value || undefined })}>
            <option value="">—</option>
            {commands.data?.map((command) => <option key={command.id} value={command.id}>{command.name}</option>)}
            {commandId && commands.data && !commands.data.some((command) => command.id === commandId) && <option value={commandId}>(no longer approved)</option>}
          </select>
          {commands.data?.length === 0 && <small className={styles.muted}>No command is approved yet: an admin adds them in Settings.</small>}
        </label>
      ) : (
        <label className={styles.field}>
          <span>URL</span>
          <input
            aria-label="MCP URL"
            defaultValue={url}
            placeholder="https://mcp.example.com/mcp"
            disabled={isReadOnly}
            onBlur={(event) => event.target.value.trim() !== url && changeServer({ url: event.target.value.trim() || undefined })}
          />
          <small className={styles.muted}>Its host must be on the outbound allowlist (Settings).</small>
        </label>
      )}
      {commands.error && !isReadOnly && <Alert>{getErrorMessage(commands.error)}</Alert>}
      <Button onClick={runInspection} disabled={isReadOnly || !canInspect || inspect.isPending}>{inspect.isPending ? "Inspecting…" : "Inspect server"}</Button>
      {inspect.error && <Alert>{getErrorMessage(inspect.error)}</Alert>}
      {!inspect.data && (
        <p className={styles.muted}>
          {approvedNames.length === 0 ? "No tool is approved: inspect the server and check the tools the agent may use." : `Approved: ${approvedNames.join(", ")}`}
        </p>
      )}
      {inspect.data && rows.length === 0 && <p className={styles.muted}>The server offers no tools.</p>}
      {rows.map((row) => (
        <label key={row.name} className={styles.field} data-testid="mcp-tool-row">
          <span>
            <input
              type="checkbox"
              aria-label={`Approve ${row.name}`}
              checked={row.status === "approved" || row.status === "missing"}
              disabled={isReadOnly}
              onChange={(event) => setConfig({ pinnedTools: setPinned(pinned, row, event.target.checked) })}
            />{" "}
            <span className={styles.mono}>{row.name}</span> <Badge>{STATUS_TEXT[row.status]}</Badge>
          </span>
          {row.description && <small className={styles.muted}>{row.description}</small>}
        </label>
      ))}
    </div>
  );
}

function readPinned(value: unknown): Record<string, string> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}
