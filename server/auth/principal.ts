// Who is calling: a signed-in user (session cookie) or an API key. tRPC's workspace procedures and the socket server
// both ask `getWorkspaceAccess` what the caller may do in a workspace, so the two paths cannot drift apart.
import type { TDbOrTx } from "../db/client";
import type { TRole } from "@/lib/auth/access-rights";
import type { TSessionUser } from "./session-user";

/** An API key that authenticated (services/api-key/authenticate-api-key.ts): valid, unexpired, not revoked. */
export type TApiKeyPrincipal = {
  id: string;
  workspaceId: string;
  /** The key's role capped at its creator's current role in the workspace. */
  role: TRole;
  /** Set for a key limited to one graph. */
  graphId: string | null;
  /** The key's creator: actions taken with the key are attributed to them. */
  actorId: string;
};

export type TPrincipal = { kind: "user"; user: TSessionUser } | { kind: "apiKey"; apiKey: TApiKeyPrincipal };

/** What the caller may do in one workspace. */
export type TWorkspaceAccess = {
  role: TRole;
  /** Only this graph and its runs exist for the caller; null: every graph of the workspace. */
  graphId: string | null;
  /** The user id recorded as the author of what the caller does. */
  actorId: string;
  apiKeyId: string | null;
  /** A signed-in member's last recorded activity here (null for keys and members never seen). */
  lastActiveAt: Date | null;
};

/** The user id a principal acts as: the signed-in user, or the creator of the key. */
export function actorIdOf(principal: TPrincipal): string {
  return principal.kind === "user" ? principal.user.id : principal.apiKey.actorId;
}

/**
 * Null when the caller is not in the workspace: callers answer NOT_FOUND, exactly as for a workspace that does not
 * exist. Read per request, never cached: a role change or removal holds from the member's very next call.
 */
export async function getWorkspaceAccess(db: TDbOrTx, principal: TPrincipal, workspaceId: string): Promise<TWorkspaceAccess | null> {
  if (principal.kind === "apiKey") {
    const { apiKey } = principal;
    if (apiKey.workspaceId !== workspaceId) return null;
    return { role: apiKey.role, graphId: apiKey.graphId, actorId: apiKey.actorId, apiKeyId: apiKey.id, lastActiveAt: null };
  }
  const membership = await db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId: principal.user.id } },
    select: { role: true, lastActiveAt: true },
  });
  if (!membership) return null;
  return { role: membership.role, graphId: null, actorId: principal.user.id, apiKeyId: null, lastActiveAt: membership.lastActiveAt };
}

export function isGraphInReach(access: Pick<TWorkspaceAccess, "graphId">, graphId: string): boolean {
  return access.graphId === null || access.graphId === graphId;
}
