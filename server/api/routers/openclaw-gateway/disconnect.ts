import { disconnectGateway } from "../../../services/openclaw-gateway/disconnect-gateway";
import { memberProcedure } from "../../trpc";
import { ZGatewayWorkspaceInput } from "./types";

export const disconnectGatewayProcedure = memberProcedure("run:start")
  .input(ZGatewayWorkspaceInput)
  .mutation(({ input }) => disconnectGateway({ workspaceId: input.workspaceId }));
