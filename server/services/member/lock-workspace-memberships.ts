import { AppError, notFound } from "../../app-error";
import type { TRole } from "@/lib/auth/access-rights";
import type { TTx } from "../../db/client";

/**
 * Serializes membership changes of one workspace (a row lock on the workspace until the transaction ends). Without
 * it two owners demoting each other at once would each see the other still an owner, and both would succeed.
 */
export async function lockWorkspaceMemberships(tx: TTx, workspaceId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Workspace" WHERE id = ${workspaceId} FOR UPDATE`;
  if (rows.length === 0) throw notFound("Workspace");
}

export async function findMembershipOrThrow(tx: TTx, workspaceId: string, userId: string): Promise<{ id: string; role: TRole }> {
  const membership = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select: { id: true, role: true } });
  if (!membership) throw notFound("Member");
  return membership;
}

/** Refuses a change that would leave the workspace without an owner; call it with the memberships locked. */
export async function assertAnotherOwnerRemains(tx: TTx, workspaceId: string, what: string): Promise<void> {
  const owners = await tx.membership.count({ where: { workspaceId, role: "owner" } });
  if (owners <= 1) throw new AppError("CONFLICT", `${what}: a workspace always keeps at least one owner. Make another member an owner first, or transfer ownership`);
}
