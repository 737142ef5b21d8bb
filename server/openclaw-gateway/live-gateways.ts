// The gateway connections of this studio process, one per workspace: each holds its connection, its recorder and
// the imported graph it animates. A connection lives in the process that opened it (the panel's calls reach it there;
// in queue mode behind a load balancer they need sticky sessions, like socket.io).
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { TSeqEvent } from "../runtime/run-store";
import type { TGatewayConnection, TConnectionState } from "./gateway-connection";
import type { TGatewayRunRecorder } from "./gateway-run-recorder";

export type TLiveGateway = {
  workspaceId: string;
  graphId: string;
  secretName: string;
  host: string;
  connection: TGatewayConnection;
  recorder: TGatewayRunRecorder;
  state: TConnectionState;
  detail: string | undefined;
  connectedAt: Date;
  serverVersion: string | undefined;
  mainKey: string | undefined;
  heartbeat: NodeJS.Timeout;
  /** Event handling in arrival order: a handler may wait (a run row being created, chat.history). */
  events: Promise<void>;
};

const live = new Map<string, TLiveGateway>();
let publishRunEvent: (event: TSeqEvent) => void = () => {};
/** Lease owner of this process's recordings: a sweep elsewhere tells them from abandoned ones by the lease time. */
export const GATEWAY_RECORDER_OWNER = `openclaw-gateway:${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** main.ts hands over the run event hub's publish, so recorded runs stream to the canvas like engine runs. */
export function setGatewayRunPublisher(publish: (event: TSeqEvent) => void): void {
  publishRunEvent = publish;
}

export function gatewayRunPublisher(): (event: TSeqEvent) => void {
  return (event) => publishRunEvent(event);
}

export function getLiveGateway(workspaceId: string): TLiveGateway | undefined {
  return live.get(workspaceId);
}

export function setLiveGateway(gateway: TLiveGateway): void {
  live.set(gateway.workspaceId, gateway);
}

/** Closes the workspace's connection; its open recordings end with `reason` (never left "running"). */
export function closeLiveGateway(workspaceId: string, reason: string): boolean {
  const gateway = live.get(workspaceId);
  if (!gateway) return false;
  live.delete(workspaceId);
  clearInterval(gateway.heartbeat);
  gateway.connection.close();
  gateway.recorder.endAll(reason);
  return true;
}

/** Shutdown: every connection closes and its recordings end with the reason, before the process exits. */
export async function closeAllLiveGateways(reason: string): Promise<void> {
  const recorders = [...live.values()].map((gateway) => gateway.recorder);
  for (const workspaceId of [...live.keys()]) closeLiveGateway(workspaceId, reason);
  await Promise.all(recorders.map((recorder) => recorder.flushed()));
}
