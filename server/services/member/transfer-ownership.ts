import { AppError } from "../../app-error";
import type { TDb } from "../../db/client";
import { studioEvents } from "../../events/studio-events";
import { findMembershipOrThrow, lockWorkspaceMemberships } from "./lock-workspace-memberships";

/** An owner hands the workspace to another member: they become owner, the caller becomes admin. One transaction. */
export async function transferOwnership(db: TDb, options: { workspaceId: string; actorId: string; userId: string }) {
  const { workspaceId, actorId, userId } = options;
  if (userId === actorId) throw new AppError("BAD_REQUEST", "Choose another member to transfer ownership to");
  await db.$transaction(async (tx) => {
    await lockWorkspaceMemberships(tx, workspaceId);
    const actor = await findMembershipOrThrow(tx, workspaceId, actorId);
    if (actor.role !== "owner") throw new AppError("FORBIDDEN", "Only an owner can transfer ownership");
    const target = await findMembershipOrThrow(tx, workspaceId, userId);
    if (target.role !== "owner") await tx.membership.update({ where: { id: target.id }, data: { role: "owner" } });
    await tx.membership.update({ where: { id: actor.id }, data: { role: "admin" } });
  });
  studioEvents.emit("membership.changed", { workspaceId, userId, role: "owner" });
  studioEvents.emit("membership.changed", { workspaceId, userId: actorId, role: "admin" });
  return { ownerId: userId };
}
