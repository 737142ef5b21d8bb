import { getGatewayStatus } from "../../../services/openclaw-gateway/get-gateway-status";
import { workspaceProcedure } from "../../trpc";
import { ZGatewayWorkspaceInput } from "./types";

export const gatewayStatusProcedure = workspaceProcedure("run:read")
  .input(ZGatewayWorkspaceInput)
  .query(({ input }) => getGatewayStatus({ workspaceId: input.workspaceId }));
