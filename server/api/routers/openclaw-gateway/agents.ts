import { listGatewayAgents } from "../../../services/openclaw-gateway/list-gateway-agents";
import { workspaceProcedure } from "../../trpc";
import { ZGatewayWorkspaceInput } from "./types";

export const gatewayAgentsProcedure = workspaceProcedure("run:read")
  .input(ZGatewayWorkspaceInput)
  .query(({ ctx, input }) => listGatewayAgents(ctx.db, { workspaceId: input.workspaceId }));
