import { randomUUID } from "node:crypto";
import { z } from "zod";
import { requireLiveGateway } from "./require-live-gateway";
import { toGatewayAppError } from "./to-gateway-app-error";

const ZChatSendAck = z.object({ runId: z.string().min(1).optional(), status: z.string().optional() }).loose();

/**
 * Sends a message to an agent with `chat.send` (the agent's main session unless a session key is given). The studio
 * run that records it exists before the gateway answers, so the canvas follows it from its first event.
 */
export async function sendGatewayMessage(options: { workspaceId: string; agentId: string; message: string; sessionKey?: string }) {
  const gateway = requireLiveGateway(options.workspaceId);
  const { agentId, message } = options;
  const sessionKey = options.sessionKey ?? `agent:${agentId}:${gateway.mainKey ?? "main"}`;
  const run = await gateway.recorder.beginSend({ sessionKey, agentId, message });
  const idempotencyKey = randomUUID();
  try {
    const ack = ZChatSendAck.parse(await gateway.connection.request("chat.send", { sessionKey, agentId, message, idempotencyKey }));
    await gateway.recorder.bindSend(sessionKey, run, ack.runId ?? idempotencyKey, agentId, message);
  } catch (error) {
    gateway.recorder.failSend(sessionKey, run, error as Error);
    toGatewayAppError(error);
  }
  return { runId: run.runId, sessionKey };
}
