import { z } from "zod";
import { SECRET_NAME_PATTERN, SECRET_NAME_RULE } from "../../../secrets/secret-rules";
import { ZWorkspaceId } from "../../trpc";

const ZId = z.string().min(1).max(64);
const ZAgentId = z.string().min(1).max(128).regex(/^[^:\s]+$/, "an agent id has no colon or spaces");

export const ZGatewayWorkspaceInput = z.object({ workspaceId: ZWorkspaceId }).strict();
export const ZConnectGatewayInput = z.object({ workspaceId: ZWorkspaceId, graphId: ZId, secretName: z.string().regex(SECRET_NAME_PATTERN, SECRET_NAME_RULE) }).strict();
/** `agent`, not `agentId`: it names one of the gateway's agents, not a studio record. */
export const ZSendGatewayMessageInput = z
  .object({ workspaceId: ZWorkspaceId, agent: ZAgentId, message: z.string().trim().min(1, "Write a message").max(20_000), sessionKey: z.string().min(1).max(512).optional() })
  .strict();
