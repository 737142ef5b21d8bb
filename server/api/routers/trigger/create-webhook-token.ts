import { noteChange } from "../../../audit/audit-note";
import { env } from "../../../env";
import { issueWebhookToken } from "../../../services/trigger/issue-webhook-token";
import { webhookUrl } from "../../../triggers/webhook-url";
import { workspaceProcedure } from "../../trpc";
import { ZWebhookTokenInput, ZWebhookTokenOutput } from "./types";

export const createWebhookTokenProcedure = workspaceProcedure("graph:update")
  .input(ZWebhookTokenInput)
  .output(ZWebhookTokenOutput)
  .mutation(async ({ ctx, input }) => {
    const { workspaceId, graphId, nodeId } = input;
    const issued = await issueWebhookToken(ctx.db, { workspaceId, graphId, nodeId, actorId: ctx.user.id });
    noteChange(ctx.auditNote, null, { nodeId, triggerId: issued.triggerId, tokenHint: issued.tokenHint });
    return { ...issued, url: webhookUrl(env().publicUrl, issued.token) };
  });
