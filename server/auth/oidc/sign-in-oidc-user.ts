// One OIDC sign-in against the database: decide who it is, link or create the user, and give them the provider's
// workspace with the role its claims map to. Runs in next-auth's signIn callback, after the ID token was verified.
import type { TOidcRefusal } from "@/lib/auth/sign-in-errors";
import type { TDb, TTx } from "../../db/client";
import { studioEvents } from "../../events/studio-events";
import { lockWorkspaceMemberships } from "../../services/member/lock-workspace-memberships";
import { logger } from "../../telemetry/logger";
import { decideOidcSignIn } from "./decide-oidc-sign-in";
import { isEmailDomainAllowed } from "./is-email-domain-allowed";
import { mapOidcRole } from "./map-oidc-role";
import type { TMappedRole, TOidcProvider } from "./oidc-config";
import { readOidcIdentity } from "./read-oidc-identity";

export type TOidcSignInResult = { userId: string } | { refused: TOidcRefusal };

export async function signInOidcUser(
  db: TDb,
  options: { provider: TOidcProvider; providerAccountId: string; claims: Record<string, unknown> },
): Promise<TOidcSignInResult> {
  const { provider, providerAccountId, claims } = options;
  const identity = readOidcIdentity(claims);
  const result = await db.$transaction(async (tx): Promise<TOidcSignInResult & { changedRole?: TMembershipChange }> => {
    const workspace = await tx.workspace.findUnique({ where: { slug: provider.workspace }, select: { id: true } });
    if (!workspace) {
      logger.error({ provider: provider.id, workspace: provider.workspace }, "OIDC provider names a workspace that does not exist");
      return { refused: "OidcWorkspaceMissing" };
    }
    const account = await tx.account.findUnique({
      where: { provider_providerAccountId: { provider: provider.id, providerAccountId } },
      select: { userId: true },
    });
    const userWithEmail = identity.email ? await tx.user.findUnique({ where: { email: identity.email }, select: { id: true } }) : null;
    const decision = decideOidcSignIn({
      email: identity.email,
      isEmailVerified: identity.isEmailVerified,
      isDomainAllowed: identity.email !== undefined && isEmailDomainAllowed(identity.email, provider.allowedEmailDomains),
      linkedUserId: account?.userId,
      userIdWithEmail: userWithEmail?.id,
    });
    if (decision.kind === "refuse") {
      logger.info({ provider: provider.id, reason: decision.reason }, "OIDC sign-in refused");
      return { refused: decision.reason };
    }

    // Tokens are not kept: the studio never calls the provider on the user's behalf, so they would only be a liability.
    const link = { type: "oidc", provider: provider.id, providerAccountId };
    let userId: string;
    if (decision.kind === "create") {
      const user = await tx.user.create({
        data: { email: identity.email!, name: identity.name, emailVerified: new Date(), accounts: { create: link } },
        select: { id: true },
      });
      userId = user.id;
    } else {
      userId = decision.userId;
      if (decision.kind === "link") await tx.account.create({ data: { ...link, userId } });
    }
    const changedRole = await grantWorkspaceRole(tx, { workspaceId: workspace.id, userId, role: mapOidcRole(claims, provider) });
    return { userId, changedRole };
  });
  // Like a role change in Settings: the user's open sockets (other tabs, other browsers) reconnect with the new role.
  if ("userId" in result && result.changedRole) studioEvents.emit("membership.changed", result.changedRole);
  return "userId" in result ? { userId: result.userId } : result;
}

type TMembershipChange = { workspaceId: string; userId: string; role: TMappedRole };

/**
 * The provider decides the role at every sign-in, so leaving an IdP group takes effect at the next one. An owner stays
 * owner: ownership is managed in the studio, and demoting one here could leave a workspace without an owner.
 */
async function grantWorkspaceRole(tx: TTx, options: TMembershipChange): Promise<TMembershipChange | undefined> {
  const { workspaceId, userId, role } = options;
  // Membership changes of a workspace are serialized (services/member/lock-workspace-memberships.ts).
  await lockWorkspaceMemberships(tx, workspaceId);
  const membership = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select: { role: true } });
  if (!membership) {
    await tx.membership.create({ data: { workspaceId, userId, role } });
    return undefined;
  }
  if (membership.role === "owner" || membership.role === role) return undefined;
  await tx.membership.update({ where: { workspaceId_userId: { workspaceId, userId } }, data: { role } });
  return options;
}
