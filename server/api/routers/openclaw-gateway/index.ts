import { createRouter } from "../../trpc";
import { gatewayAgentsProcedure } from "./agents";
import { connectGatewayProcedure } from "./connect";
import { disconnectGatewayProcedure } from "./disconnect";
import { sendGatewayMessageProcedure } from "./send";
import { gatewaySessionsProcedure } from "./sessions";
import { gatewayStatusProcedure } from "./status";

/** Live mode: the workspace's operator connection to a real OpenClaw gateway (server/openclaw-gateway/). */
export const openClawGatewayRouter = createRouter({
  connect: connectGatewayProcedure,
  disconnect: disconnectGatewayProcedure,
  status: gatewayStatusProcedure,
  agents: gatewayAgentsProcedure,
  sessions: gatewaySessionsProcedure,
  send: sendGatewayMessageProcedure,
});
