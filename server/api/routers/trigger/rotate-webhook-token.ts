import { auditedChange } from "../../../audit/audit-note";
import { env } from "../../../env";
import { rotateWebhookToken } from "../../../services/trigger/rotate-webhook-token";
import { webhookUrl } from "../../../triggers/webhook-url";
import { workspaceProcedure } from "../../trpc";
import { ZWebhookTokenInput, ZWebhookTokenOutput } from "./types";

/** Audited by the token's hint before and after: enough to tell which URL stopped working, never the token. */
export const rotateWebhookTokenProcedure = workspaceProcedure("graph:update")
  .input(ZWebhookTokenInput)
  .output(ZWebhookTokenOutput)
  .mutation(async ({ ctx, input }) => {
    const { workspaceId, graphId, nodeId } = input;
    const rotated = await auditedChange(ctx.auditNote, {
      before: () => ctx.db.trigger.findFirst({ where: { workspaceId, graphId, nodeId, kind: "webhook" }, select: { nodeId: true, tokenHint: true } }),
      run: () => rotateWebhookToken(ctx.db, { workspaceId, graphId, nodeId, actorId: ctx.user.id }),
      after: (result) => ({ nodeId, tokenHint: result.tokenHint }),
    });
    return { ...rotated, url: webhookUrl(env().publicUrl, rotated.token) };
  });
