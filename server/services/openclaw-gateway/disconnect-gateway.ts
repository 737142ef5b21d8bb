import { closeLiveGateway } from "../../openclaw-gateway/live-gateways";

/** Closes the connection; runs still recording end as failed with that reason (the gateway keeps running them). */
export function disconnectGateway(options: { workspaceId: string }) {
  return { wasConnected: closeLiveGateway(options.workspaceId, "Disconnected from the gateway in the studio before the run ended; the gateway kept running it") };
}
