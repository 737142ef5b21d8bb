import { env } from "../../../env";
import { rotateWebhookToken } from "../../../services/trigger/rotate-webhook-token";
import { webhookUrl } from "../../../triggers/webhook-url";
import { workspaceProcedure } from "../../trpc";
import { ZWebhookTokenInput, ZWebhookTokenOutput } from "./types";

export const rotateWebhookTokenProcedure = workspaceProcedure("graph:update")
  .input(ZWebhookTokenInput)
  .output(ZWebhookTokenOutput)
  .mutation(async ({ ctx, input }) => {
    const { workspaceId, graphId, nodeId } = input;
    const rotated = await rotateWebhookToken(ctx.db, { workspaceId, graphId, nodeId, actorId: ctx.user.id });
    return { ...rotated, url: webhookUrl(env().publicUrl, rotated.token) };
  });
