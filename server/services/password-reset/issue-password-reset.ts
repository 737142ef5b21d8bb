import { AppError, notFound } from "../../app-error";
import { hasScope, isRoleAtMost } from "@/lib/auth/access-rights";
import { generateOneTimeToken } from "../../auth/one-time-token";
import type { TDb } from "../../db/client";

export const PASSWORD_RESET_HOURS = 24;

/**
 * A one-time link for a member of this workspace to set a new password. An account spans workspaces, so its password
 * guards all of them: the actor must be able to manage the member in every workspace the member belongs to, with a
 * role at least the member's there. Otherwise an admin of a small workspace could take over an account that owns a
 * bigger one. Earlier unused links of the member stop working. The token is returned once and stored as a hash.
 */
export async function issuePasswordReset(
  db: TDb,
  options: { workspaceId: string; actorId: string; userId: string; now?: Date },
): Promise<{ token: string; email: string; expiresAt: Date }> {
  const { workspaceId, actorId, userId } = options;
  const now = options.now ?? new Date();
  if (userId === actorId) throw new AppError("BAD_REQUEST", "Change your own password on your account page");
  const target = await db.user.findFirst({
    where: { id: userId, memberships: { some: { workspaceId } } },
    select: { email: true, memberships: { select: { workspaceId: true, role: true } } },
  });
  if (!target) throw notFound("Member");

  const actorRoles = new Map(
    (await db.membership.findMany({ where: { userId: actorId }, select: { workspaceId: true, role: true } })).map((m) => [m.workspaceId, m.role]),
  );
  const isCovered = target.memberships.every((membership) => {
    const actorRole = actorRoles.get(membership.workspaceId);
    return actorRole !== undefined && hasScope(actorRole, "members:manage") && isRoleAtMost(membership.role, actorRole);
  });
  if (!isCovered) {
    throw new AppError("FORBIDDEN", "This member's account has roles beyond yours (here or in another workspace); an owner of those workspaces can reset it");
  }

  const { token, hash } = generateOneTimeToken();
  const expiresAt = new Date(now.getTime() + PASSWORD_RESET_HOURS * 3_600_000);
  await db.$transaction([
    db.passwordResetToken.updateMany({ where: { userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } }),
    db.passwordResetToken.create({ data: { userId, tokenHash: hash, expiresAt, createdById: actorId, workspaceId }, select: { id: true } }),
  ]);
  return { token, email: target.email, expiresAt };
}
