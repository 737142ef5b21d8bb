import { auditedCreation } from "../../../audit/audit-note";
import { connectGateway } from "../../../services/openclaw-gateway/connect-gateway";
import { memberProcedure } from "../../trpc";
import { ZConnectGatewayInput } from "./types";

/** Connects the workspace to the gateway its secret names, to animate an imported openclaw.json graph. */
export const connectGatewayProcedure = memberProcedure("run:start")
  .input(ZConnectGatewayInput)
  .mutation(({ ctx, input }) =>
    auditedCreation(
      ctx.auditNote,
      () => connectGateway(ctx.db, { workspaceId: input.workspaceId, graphId: input.graphId, secretName: input.secretName, actorId: ctx.user.id }),
      (status) => ({ graphId: status.graphId, secretName: status.secretName, host: status.host }),
    ),
  );
