import type { TLiveGateway } from "../../openclaw-gateway/live-gateways";

/** What the Live gateway panel shows about a connection: never the URL's path or the token, only the host. */
export function describeLiveGateway(gateway: TLiveGateway) {
  return {
    isConnected: gateway.state === "connected",
    state: gateway.state,
    detail: gateway.detail ?? null,
    graphId: gateway.graphId,
    secretName: gateway.secretName,
    host: gateway.host,
    serverVersion: gateway.serverVersion ?? null,
    connectedAt: gateway.connectedAt.toISOString(),
    recordingRuns: gateway.recorder.openRunCount,
  };
}
