import { AppError } from "../../app-error";
import { toTokenHash } from "../../auth/one-time-token";
import type { TTx } from "../../db/client";
import { invitationState } from "./invitation-summary";

const REFUSALS = {
  expired: "This invitation has expired. Ask for a new one.",
  accepted: "This invitation was already used.",
  revoked: "This invitation was revoked.",
} as const;

/**
 * Makes `user` a member with the invitation's role, inside the caller's transaction. The invitation is claimed by a
 * conditional update (still pending, not expired), so of two concurrent accepts exactly one wins and the other is a
 * CONFLICT. Only the invited email may accept (FORBIDDEN otherwise). A user who is already a member keeps their role.
 */
export async function acceptInvitation(
  tx: TTx,
  options: { token: string; user: { id: string; email: string }; now?: Date },
): Promise<{ workspaceId: string; workspaceSlug: string }> {
  const now = options.now ?? new Date();
  const tokenHash = toTokenHash(options.token);
  const row = tokenHash
    ? await tx.invitation.findUnique({
        where: { tokenHash },
        select: { id: true, email: true, role: true, workspaceId: true, expiresAt: true, acceptedAt: true, revokedAt: true, workspace: { select: { slug: true } } },
      })
    : null;
  if (!row) throw new AppError("NOT_FOUND", "This invitation link is not valid. Check that it was copied whole.");
  if (row.email !== options.user.email.toLowerCase()) {
    throw new AppError("FORBIDDEN", `This invitation is for ${row.email}; you are signed in as ${options.user.email}.`);
  }
  const state = invitationState(row, now);
  if (state !== "pending") throw new AppError("CONFLICT", REFUSALS[state]);

  const { count } = await tx.invitation.updateMany({
    where: { id: row.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now, acceptedById: options.user.id },
  });
  if (count === 0) throw new AppError("CONFLICT", REFUSALS.accepted);
  await tx.membership.upsert({
    where: { workspaceId_userId: { workspaceId: row.workspaceId, userId: options.user.id } },
    create: { workspaceId: row.workspaceId, userId: options.user.id, role: row.role },
    update: {},
  });
  return { workspaceId: row.workspaceId, workspaceSlug: row.workspace.slug };
}
