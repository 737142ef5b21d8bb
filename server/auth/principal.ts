// Who is calling: a signed-in user (session cookie) or an API key. tRPC's workspace procedures and the socket server
// both ask `getWorkspaceAccess` what the caller may do in a workspace, so the two paths cannot drift apart.
import { defineAbilityFor, type TWorkspaceAbility } from "@/lib/auth/abilities";
import type { TRole } from "@/lib/auth/access-rights";
import type { TDbOrTx } from "../db/client";
import type { TSessionUser } from "./session-user";

/** An API key that authenticated (services/api-key/authenticate-api-key.ts): valid, unexpired, not revoked. */
export type TApiKeyPrincipal = {
  id: string;
  workspaceId: string;
  /** The key's role capped at its creator's current role in the workspace. */
  role: TRole;
  /** A key limited to these graphs; empty: every graph its creator sees. */
  graphIds: string[];
  /** What the key may do, within its role's scopes. */
  scopes: string[];
  allowUnsignedPlugins: boolean;
  /** The key's creator: actions taken with the key are attributed to them. */
  actorId: string;
  /** When the key stops working (its open sockets close then); null: never. */
  expiresAt: Date | null;
};

export type TPrincipal = { kind: "user"; user: TSessionUser } | { kind: "apiKey"; apiKey: TApiKeyPrincipal };

/** What the caller may do in one workspace. */
export type TWorkspaceAccess = {
  role: TRole;
  /** Every decision about the caller here (lib/auth/abilities.ts): scopes, graph visibility, plugins. */
  ability: TWorkspaceAbility;
  /** For a graph-limited key: only these graphs and their runs exist for the caller. Empty otherwise. */
  graphIds: string[];
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
    const ability = defineAbilityFor({
      userId: apiKey.actorId,
      role: apiKey.role,
      apiKey: { scopes: apiKey.scopes, graphIds: apiKey.graphIds },
      allowUnsignedPlugins: apiKey.allowUnsignedPlugins,
    });
    return { role: apiKey.role, ability, graphIds: apiKey.graphIds, actorId: apiKey.actorId, apiKeyId: apiKey.id, lastActiveAt: null };
  }
  const membership = await db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId: principal.user.id } },
    select: { role: true, lastActiveAt: true, workspace: { select: { allowUnsignedPlugins: true } } },
  });
  if (!membership) return null;
  const { role, workspace } = membership;
  const ability = defineAbilityFor({ userId: principal.user.id, role, apiKey: null, allowUnsignedPlugins: workspace.allowUnsignedPlugins });
  return { role, ability, graphIds: [], actorId: principal.user.id, apiKeyId: null, lastActiveAt: membership.lastActiveAt };
}
