import type { TDb } from "../../db/client";
import { studioEvents } from "../../events/studio-events";
import { assertAnotherOwnerRemains, findMembershipOrThrow, lockWorkspaceMemberships } from "./lock-workspace-memberships";
import { deleteMembership } from "./remove-member";

/** The caller leaves the workspace (any role); the last owner cannot, so the workspace never ends up ownerless. */
export async function leaveWorkspace(db: TDb, options: { workspaceId: string; userId: string }) {
  const { workspaceId, userId } = options;
  await db.$transaction(async (tx) => {
    await lockWorkspaceMemberships(tx, workspaceId);
    const membership = await findMembershipOrThrow(tx, workspaceId, userId);
    if (membership.role === "owner") await assertAnotherOwnerRemains(tx, workspaceId, "The last owner cannot leave");
    await deleteMembership(tx, { workspaceId, userId, membershipId: membership.id });
  });
  studioEvents.emit("membership.removed", { workspaceId, userId });
  return { workspaceId };
}
