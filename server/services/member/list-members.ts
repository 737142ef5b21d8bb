import type { TDbOrTx } from "../../db/client";

/**
 * Members with their role, when they were last active here, and how they sign in: with a password (a hash is set)
 * and/or through the identity providers linked in Account (OIDC), by provider id. `isYou` marks the viewer's own row.
 */
export async function listMembers(db: TDbOrTx, options: { workspaceId: string; viewerId: string }) {
  const memberships = await db.membership.findMany({
    where: { workspaceId: options.workspaceId },
    select: {
      role: true,
      createdAt: true,
      lastActiveAt: true,
      user: { select: { id: true, email: true, name: true, passwordHash: true, accounts: { select: { provider: true }, orderBy: { provider: "asc" } } } },
    },
    orderBy: { createdAt: "asc" },
  });
  return memberships.map(({ user, ...membership }) => ({
    userId: user.id,
    email: user.email,
    name: user.name,
    isYou: user.id === options.viewerId,
    ...membership,
    signIn: { hasPassword: user.passwordHash !== null, providers: [...new Set(user.accounts.map((account) => account.provider))] },
  }));
}
