import { AppError } from "../../app-error";
import { isRoleAtMost, type TRole } from "@/lib/auth/access-rights";
import type { TDb } from "../../db/client";
import { studioEvents } from "../../events/studio-events";
import { revokeInvitationsAbove } from "./remove-member";
import { assertAnotherOwnerRemains, findMembershipOrThrow, lockWorkspaceMemberships } from "./lock-workspace-memberships";

/**
 * Changes a member's role: never above the actor's own, and only an owner grants or takes `owner`; the last owner
 * keeps it. Takes effect on the member's next request (every workspace procedure reads the membership), and
 * `membership.changed` closes their sockets so they reconnect with the new role. Invitations they sent for a role
 * above the new one are revoked.
 */
export async function changeMemberRole(db: TDb, options: { workspaceId: string; actorRole: TRole; userId: string; role: TRole }) {
  const { workspaceId, actorRole, userId, role } = options;
  const previous = await db.$transaction(async (tx) => {
    await lockWorkspaceMemberships(tx, workspaceId);
    const membership = await findMembershipOrThrow(tx, workspaceId, userId);
    if (!isRoleAtMost(role, actorRole)) throw new AppError("FORBIDDEN", `You cannot give a role above your own (${actorRole})`);
    if ((role === "owner" || membership.role === "owner") && actorRole !== "owner") {
      throw new AppError("FORBIDDEN", "Only an owner can make someone an owner or change an owner's role");
    }
    if (membership.role === role) return role;
    if (membership.role === "owner") await assertAnotherOwnerRemains(tx, workspaceId, "The last owner cannot be demoted");
    await tx.membership.update({ where: { id: membership.id }, data: { role } });
    await revokeInvitationsAbove(tx, { workspaceId, invitedById: userId, ceiling: role });
    return membership.role;
  });
  if (previous !== role) studioEvents.emit("membership.changed", { workspaceId, userId, role });
  return { userId, role, previousRole: previous };
}
