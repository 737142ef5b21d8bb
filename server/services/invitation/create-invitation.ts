import { AppError } from "../../app-error";
import { isRoleAtMost, type TRole } from "@/lib/auth/access-rights";
import { generateOneTimeToken } from "../../auth/one-time-token";
import type { TDb } from "../../db/client";
import { INVITATION_SUMMARY_SELECT, normalizeEmail, toInvitationSummary, type TInvitationSummary } from "./invitation-summary";

export const DEFAULT_INVITATION_DAYS = 7;
const DAY_MS = 24 * 3_600_000;

/**
 * Invites `email` to the workspace as `role`, never above the inviter's own role. A member already in the workspace
 * is a CONFLICT. A pending invitation of the same email is revoked: its link was shown once and may be lost, so
 * inviting again is how an admin re-sends. The answer holds the token: the only time it leaves the server.
 */
export async function createInvitation(
  db: TDb,
  options: { workspaceId: string; actorId: string; actorRole: TRole; email: string; role: TRole; expiresInDays?: number; now?: Date },
): Promise<{ invitation: TInvitationSummary; token: string; workspaceName: string }> {
  const { workspaceId, role } = options;
  const now = options.now ?? new Date();
  const email = normalizeEmail(options.email);
  if (!isRoleAtMost(role, options.actorRole)) {
    throw new AppError("FORBIDDEN", `You can invite with a role up to your own (${options.actorRole}), not ${role}`);
  }
  const existing = await db.membership.findFirst({ where: { workspaceId, user: { email } }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", `${email} is already a member of this workspace`);

  const { token, hash } = generateOneTimeToken();
  const expiresAt = new Date(now.getTime() + (options.expiresInDays ?? DEFAULT_INVITATION_DAYS) * DAY_MS);
  const row = await db.$transaction(async (tx) => {
    await tx.invitation.updateMany({ where: { workspaceId, email, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
    return tx.invitation.create({
      data: { workspaceId, email, role, tokenHash: hash, expiresAt, invitedById: options.actorId },
      select: { ...INVITATION_SUMMARY_SELECT, workspace: { select: { name: true } } },
    });
  });
  const { workspace, ...summary } = row;
  return { invitation: toInvitationSummary(summary, now), token, workspaceName: workspace.name };
}
