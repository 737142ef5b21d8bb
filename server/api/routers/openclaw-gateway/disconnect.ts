import { auditedChange } from "../../../audit/audit-note";
import { getLiveGateway } from "../../../openclaw-gateway/live-gateways";
import { disconnectGateway } from "../../../services/openclaw-gateway/disconnect-gateway";
import { memberProcedure } from "../../trpc";
import { ZGatewayWorkspaceInput } from "./types";

/** Closes the workspace's gateway connection; the audit row names the gateway it was connected to (null: none). */
export const disconnectGatewayProcedure = memberProcedure("run:start")
  .input(ZGatewayWorkspaceInput)
  .mutation(({ ctx, input }) =>
    auditedChange(ctx.auditNote, {
      before: async () => {
        const live = getLiveGateway(input.workspaceId);
        return live ? { graphId: live.graphId, secretName: live.secretName, host: live.host } : null;
      },
      run: async () => disconnectGateway({ workspaceId: input.workspaceId }),
      after: () => null,
    }),
  );
