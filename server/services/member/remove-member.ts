import { AppError, notFound } from "../../app-error";
import type { TRole } from "../../auth/access-rights";
import type { TDb } from "../../db/client";
import { studioEvents } from "../../events/studio-events";

/**
 * Removes a member. Only an owner removes an owner, and the last owner stays. Every later request of the removed
 * user is refused by the membership check and their API keys are revoked; `membership.removed` ends their live
 * subscriptions at once.
 */
export async function removeMember(db: TDb, options: { workspaceId: string; actorRole: TRole; userId: string }) {
  const { workspaceId, userId } = options;
  await db.$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select: { id: true, role: true } });
    if (!membership) throw notFound("Member");
    if (membership.role === "owner") {
      if (options.actorRole !== "owner") throw new AppError("FORBIDDEN", "Only an owner can remove an owner");
      const owners = await tx.membership.count({ where: { workspaceId, role: "owner" } });
      if (owners <= 1) throw new AppError("CONFLICT", "The last owner cannot be removed");
    }
    await tx.membership.delete({ where: { id: membership.id } });
    // Their keys end with the membership, so inviting them again does not bring old keys back.
    await tx.apiKey.updateMany({ where: { workspaceId, createdById: userId, revokedAt: null }, data: { revokedAt: new Date() } });
  });
  studioEvents.emit("membership.removed", { workspaceId, userId });
  return { userId };
}
