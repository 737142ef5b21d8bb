"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { TGraphSpec } from "@/lib/graph";
import { listGraphAgentIds } from "@/lib/openclaw-config/gateway-graph-targets";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { formatRelativeTime } from "../ui/format-relative-time";
import styles from "./editor.module.css";

const STATE_WORDS = { connecting: "Connecting…", connected: "Connected", reconnecting: "Reconnecting", closed: "Closed" } as const;

/**
 * Live mode for an imported openclaw.json: connect the workspace to the real gateway (URL and token from a workspace
 * secret), see its agents and sessions, send a message, and follow the recorded run on this canvas. Recorded gateway
 * runs are read-only: the gateway ran them.
 */
export function LiveGatewayPanel({ workspaceId, graphId, spec, canOperate, onFollow }: { workspaceId: string; graphId: string; spec: TGraphSpec; canOperate: boolean; onFollow: (runId: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const graphAgents = listGraphAgentIds(spec);
  const [isOpen, setIsOpen] = useState(false);
  const [secretName, setSecretName] = useState("");
  const [agentId, setAgentId] = useState("");
  const [message, setMessage] = useState("");
  const status = useQuery({ ...trpc.openClawGateway.status.queryOptions({ workspaceId }), enabled: isOpen, refetchInterval: isOpen ? 2_000 : false });
  const isConnectedHere = status.data?.isConnected === true && status.data.graphId === graphId;
  const agents = useQuery({ ...trpc.openClawGateway.agents.queryOptions({ workspaceId }), enabled: isOpen && isConnectedHere });
  const sessions = useQuery({ ...trpc.openClawGateway.sessions.queryOptions({ workspaceId }), enabled: isOpen && isConnectedHere, refetchInterval: 5_000 });
  const secrets = useQuery({ ...trpc.secret.listNames.queryOptions({ workspaceId }), enabled: isOpen && canOperate });
  const refreshStatus = () => queryClient.invalidateQueries({ queryKey: trpc.openClawGateway.status.queryKey() });
  const connect = useMutation(trpc.openClawGateway.connect.mutationOptions({ onSuccess: refreshStatus }));
  const disconnect = useMutation(trpc.openClawGateway.disconnect.mutationOptions({ onSuccess: refreshStatus }));
  const send = useMutation(
    trpc.openClawGateway.send.mutationOptions({
      onSuccess: (sent) => {
        setMessage("");
        onFollow(sent.runId);
      },
    }),
  );
  if (graphAgents.length === 0) return null;
  const agentChoices = agents.data?.agents ?? graphAgents.map((id) => ({ id, name: id, isDefault: false, isInGraph: true }));
  const chosenAgent = agentId || agents.data?.defaultId || agentChoices[0]?.id || "";
  const error = connect.error ?? disconnect.error ?? send.error ?? agents.error ?? sessions.error ?? status.error;
  const connection = status.data;

  return (
    <details className={styles.inspector} data-testid="live-gateway-panel" open={isOpen} onToggle={(event) => setIsOpen(event.currentTarget.open)}>
      <summary className={styles.paletteGroup}>Live gateway</summary>
      <p role="status" data-testid="gateway-status">
        {!connection
          ? "Not connected to an OpenClaw gateway."
          : `${STATE_WORDS[connection.state]} to ${connection.host}${connection.serverVersion ? ` (OpenClaw ${connection.serverVersion})` : ""}${connection.detail ? `: ${connection.detail}` : ""}${connection.graphId !== graphId ? " — animating another graph" : ""}`}
      </p>
      {error && <Alert>{getErrorMessage(error)}</Alert>}
      {canOperate && !isConnectedHere && (
        <form
          className={styles.field}
          onSubmit={(event) => {
            event.preventDefault();
            connect.mutate({ workspaceId, graphId, secretName });
          }}
        >
          <label htmlFor="gateway-secret">Gateway secret</label>
          <select id="gateway-secret" value={secretName} onChange={(event) => setSecretName(event.target.value)} required>
            <option value="">{secrets.isLoading ? "Loading secrets…" : "— choose a secret —"}</option>
            {(secrets.data ?? []).map((name) => <option key={name} value={name}>{name}</option>)}
          </select>
          <span className={styles.muted}>{'The secret holds {"url": "ws://host:port", "token": "…"}; the host must be on the egress allowlist.'}</span>
          <Button type="submit" variant="primary" disabled={!secretName || connect.isPending}>{connect.isPending ? "Connecting…" : "Connect"}</Button>
        </form>
      )}
      {isConnectedHere && (
        <>
          <div className={styles.paletteGroup}>Agents</div>
          <ul data-testid="gateway-agents">
            {agentChoices.map((agent) => <li key={agent.id}>{agent.name}{agent.isDefault ? " (default)" : ""}{agent.isInGraph ? "" : " — not in this graph"}</li>)}
          </ul>
          <div className={styles.paletteGroup}>Sessions</div>
          {sessions.data?.length === 0 && <p className={styles.muted}>No sessions yet.</p>}
          <ul data-testid="gateway-sessions">
            {sessions.data?.map((session) => <li key={session.key}>{session.title ?? session.key}{session.hasActiveRun ? " · running" : ""}{session.updatedAt ? ` · ${formatRelativeTime(session.updatedAt)}` : ""}</li>)}
          </ul>
          {canOperate && (
            <form
              className={styles.field}
              onSubmit={(event) => {
                event.preventDefault();
                send.mutate({ workspaceId, agent: chosenAgent, message });
              }}
            >
              <label htmlFor="gateway-agent">Send to agent</label>
              <select id="gateway-agent" value={chosenAgent} onChange={(event) => setAgentId(event.target.value)}>
                {agentChoices.map((agent) => <option key={agent.id} value={agent.id}>{agent.name}</option>)}
              </select>
              <textarea aria-label="Message to the agent" value={message} onChange={(event) => setMessage(event.target.value)} rows={3} maxLength={20_000} />
              <Button type="submit" variant="primary" disabled={!message.trim() || send.isPending}>Send</Button>
              <span className={styles.muted}>The run is recorded in the studio (history, waterfall, compare) read-only: the gateway ran it.</span>
            </form>
          )}
          {canOperate && <Button variant="ghost" onClick={() => disconnect.mutate({ workspaceId })}>Disconnect</Button>}
        </>
      )}
    </details>
  );
}
