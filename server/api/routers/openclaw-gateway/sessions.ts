import { listGatewaySessions } from "../../../services/openclaw-gateway/list-gateway-sessions";
import { workspaceProcedure } from "../../trpc";
import { ZGatewayWorkspaceInput } from "./types";

export const gatewaySessionsProcedure = workspaceProcedure("run:read")
  .input(ZGatewayWorkspaceInput)
  .query(({ input }) => listGatewaySessions({ workspaceId: input.workspaceId }));
