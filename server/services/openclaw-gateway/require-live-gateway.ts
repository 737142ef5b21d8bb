import { AppError } from "../../app-error";
import { getLiveGateway, type TLiveGateway } from "../../openclaw-gateway/live-gateways";

/** The workspace's connected gateway, or the words that say why there is none to talk to. */
export function requireLiveGateway(workspaceId: string): TLiveGateway {
  const gateway = getLiveGateway(workspaceId);
  if (!gateway) throw new AppError("CONFLICT", "This workspace is not connected to an OpenClaw gateway: connect from the Live gateway panel first");
  if (gateway.state !== "connected") throw new AppError("CONFLICT", `The gateway connection is ${gateway.state}${gateway.detail ? ` (${gateway.detail})` : ""}: try again once it is connected`);
  return gateway;
}
