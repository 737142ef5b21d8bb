import { notFound } from "../../app-error";
import type { TApiKeyPrincipal } from "../../auth/principal";
import type { TDbOrTx } from "../../db/client";

/** What a key may know of itself: its workspace (id, slug, name), its effective role and scopes, its graph list. */
export async function describeApiKey(db: TDbOrTx, options: { apiKey: TApiKeyPrincipal }) {
  const { apiKey } = options;
  const workspace = await db.workspace.findUnique({ where: { id: apiKey.workspaceId }, select: { id: true, slug: true, name: true } });
  if (!workspace) throw notFound("Workspace");
  return { workspace, role: apiKey.role, scopes: apiKey.scopes, graphIds: apiKey.graphIds };
}
