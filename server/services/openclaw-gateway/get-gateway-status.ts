import { getLiveGateway } from "../../openclaw-gateway/live-gateways";
import { describeLiveGateway } from "./describe-live-gateway";

/** The workspace's gateway connection in this process, or null. */
export function getGatewayStatus(options: { workspaceId: string }) {
  const gateway = getLiveGateway(options.workspaceId);
  return gateway ? describeLiveGateway(gateway) : null;
}
