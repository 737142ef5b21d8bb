import { sendGatewayMessage } from "../../../services/openclaw-gateway/send-gateway-message";
import { memberProcedure } from "../../trpc";
import { ZSendGatewayMessageInput } from "./types";

/** Sends a message to a gateway agent with chat.send; the studio run that records it is returned at once. */
export const sendGatewayMessageProcedure = memberProcedure("run:start")
  .input(ZSendGatewayMessageInput)
  .mutation(({ input }) => sendGatewayMessage({ workspaceId: input.workspaceId, agentId: input.agent, message: input.message, sessionKey: input.sessionKey }));
