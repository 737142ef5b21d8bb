import { notFound } from "../../app-error";
import type { TDb } from "../../db/client";
import { findGraphOrThrow } from "../graph/find-graph";
import { generateWebhookToken } from "./webhook-token";

/** Replaces a webhook's token: the old URL stops working at once (404) and the new one is returned to show once. */
export async function rotateWebhookToken(db: TDb, options: { workspaceId: string; graphId: string; nodeId: string; actorId: string }) {
  const { workspaceId, graphId, nodeId } = options;
  await findGraphOrThrow(db, options, { id: true });
  const { token, tokenHash, tokenHint } = generateWebhookToken();
  const trigger = await db.trigger.findFirst({ where: { workspaceId, graphId, nodeId, kind: "webhook", tokenHash: { not: null } }, select: { id: true } });
  if (!trigger) throw notFound("Webhook URL");
  await db.trigger.update({ where: { id: trigger.id }, data: { tokenHash, tokenHint, createdById: options.actorId } });
  return { triggerId: trigger.id, token, tokenHint };
}
