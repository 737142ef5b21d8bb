import { WEBHOOK_NODE_TYPE } from "@/lib/triggers";
import { AppError } from "../../app-error";
import type { TDb } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { findGraphOrThrow } from "../graph/find-graph";
import { generateWebhookToken } from "./webhook-token";

type TSpecNodes = { nodes?: { id?: unknown; type?: unknown; disabled?: unknown }[] } | null | undefined;

/**
 * Gives a Webhook node of the draft or the published version its first secret token; the caller shows it once. The
 * trigger is active only while the node is in the published version (publish syncs it). A node that already has a
 * token answers CONFLICT: replacing it is a rotation, which breaks the old URL on purpose.
 */
export async function issueWebhookToken(db: TDb, options: { workspaceId: string; graphId: string; nodeId: string; actorId: string }) {
  const { workspaceId, graphId, nodeId } = options;
  const graph = await findGraphOrThrow(db, options, { draft: true, currentVersion: { select: { spec: true } } });
  const isPublished = hasWebhookNode(graph.currentVersion?.spec as TSpecNodes, nodeId);
  if (!isPublished && !hasWebhookNode(graph.draft as TSpecNodes, nodeId)) {
    throw new AppError("NOT_FOUND", "No Webhook node with this id in the saved draft or the published version");
  }

  const { token, tokenHash, tokenHint } = generateWebhookToken();
  const alreadyHasToken = () => new AppError("CONFLICT", "This webhook already has a URL; rotate it to get a new one");
  const existing = await db.trigger.findUnique({ where: { graphId_nodeId_kind: { graphId, nodeId, kind: "webhook" } }, select: { id: true } });
  if (existing) {
    // Only a row without a token takes one: two concurrent requests cannot both hand out a URL.
    const { count } = await db.trigger.updateMany({ where: { id: existing.id, tokenHash: null }, data: { tokenHash, tokenHint, createdById: options.actorId } });
    if (count === 0) throw alreadyHasToken();
    return { triggerId: existing.id, token, tokenHint };
  }
  try {
    const created = await db.trigger.create({
      data: { workspaceId, graphId, nodeId, kind: "webhook", tokenHash, tokenHint, isEnabled: isPublished, createdById: options.actorId },
      select: { id: true },
    });
    return { triggerId: created.id, token, tokenHint };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw alreadyHasToken();
    throw error;
  }
}

function hasWebhookNode(spec: TSpecNodes, nodeId: string): boolean {
  return spec?.nodes?.some((node) => node.id === nodeId && node.type === WEBHOOK_NODE_TYPE && node.disabled !== true) ?? false;
}
