import { AppError } from "../../app-error";
import { isRoleAtMost, ROLES, type TRole } from "@/lib/auth/access-rights";
import type { TDb, TTx } from "../../db/client";
import { studioEvents } from "../../events/studio-events";
import { assertAnotherOwnerRemains, findMembershipOrThrow, lockWorkspaceMemberships } from "./lock-workspace-memberships";

/**
 * Removes a member: only someone of at least their role, only an owner removes an owner, and the last owner stays.
 * Every later request of the removed user is refused by the membership check and their API keys are revoked;
 * `membership.removed` ends their live subscriptions and closes their sockets at once.
 */
export async function removeMember(db: TDb, options: { workspaceId: string; actorRole: TRole; userId: string }) {
  const { workspaceId, userId } = options;
  await db.$transaction(async (tx) => {
    await lockWorkspaceMemberships(tx, workspaceId);
    const membership = await findMembershipOrThrow(tx, workspaceId, userId);
    if (membership.role === "owner" && options.actorRole !== "owner") throw new AppError("FORBIDDEN", "Only an owner can remove an owner");
    if (!isRoleAtMost(membership.role, options.actorRole)) throw new AppError("FORBIDDEN", `You cannot remove a member whose role is above your own (${options.actorRole})`);
    if (membership.role === "owner") await assertAnotherOwnerRemains(tx, workspaceId, "The last owner cannot be removed");
    await deleteMembership(tx, { workspaceId, userId, membershipId: membership.id });
  });
  studioEvents.emit("membership.removed", { workspaceId, userId });
  return { userId };
}

/**
 * The membership and what hangs on it: their keys end with it, so inviting them again does not bring old keys back,
 * and so do the invitations they sent (their authority to let people in ended too), and their name on restricted
 * graphs (rejoining later grants no old access).
 */
export async function deleteMembership(tx: TTx, options: { workspaceId: string; userId: string; membershipId: string }): Promise<void> {
  await tx.membership.delete({ where: { id: options.membershipId } });
  await tx.apiKey.updateMany({ where: { workspaceId: options.workspaceId, createdById: options.userId, revokedAt: null }, data: { revokedAt: new Date() } });
  await revokeInvitationsAbove(tx, { workspaceId: options.workspaceId, invitedById: options.userId, ceiling: null });
  await tx.$executeRaw`UPDATE "Graph" SET "allowedUserIds" = array_remove("allowedUserIds", ${options.userId}) WHERE "workspaceId" = ${options.workspaceId} AND ${options.userId} = ANY("allowedUserIds")`;
}

/**
 * Revokes the pending invitations a member sent for a role above `ceiling` (null: all of them): an invitation cannot
 * outlive the role that allowed it.
 */
export async function revokeInvitationsAbove(tx: TTx, options: { workspaceId: string; invitedById: string; ceiling: TRole | null }): Promise<void> {
  const { ceiling } = options;
  const roles = ROLES.filter((role) => ceiling === null || !isRoleAtMost(role, ceiling));
  if (roles.length === 0) return;
  await tx.invitation.updateMany({
    where: { workspaceId: options.workspaceId, invitedById: options.invitedById, acceptedAt: null, revokedAt: null, role: { in: roles } },
    data: { revokedAt: new Date() },
  });
}
