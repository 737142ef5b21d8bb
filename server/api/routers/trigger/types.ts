import { z } from "zod";
import { ZGraphId } from "@/lib/graph";
import { ZWorkspaceId } from "../../trpc";

// Inputs and outputs of the trigger procedures. A token appears in exactly one output, once: the issue/rotate answer.
export const ZListTriggersInput = z.object({ workspaceId: ZWorkspaceId, graphId: z.string().min(1).max(64) }).strict();
export const ZWebhookTokenInput = z.object({ workspaceId: ZWorkspaceId, graphId: z.string().min(1).max(64), nodeId: ZGraphId }).strict();

export const ZTriggerSummary = z.object({
  id: z.string(),
  kind: z.enum(["webhook", "schedule"]),
  nodeId: z.string(),
  /** Last four characters of a webhook's token, to tell URLs apart; never the token. */
  tokenHint: z.string().nullable(),
  hasToken: z.boolean(),
  cron: z.string().nullable(),
  timezone: z.string().nullable(),
  /** Active: the node is in the published version. */
  isEnabled: z.boolean(),
  lastFiredAt: z.date().nullable(),
  nextFireAt: z.date().nullable(),
});

export const ZWebhookTokenOutput = z.object({ triggerId: z.string(), token: z.string(), tokenHint: z.string(), url: z.string() });
