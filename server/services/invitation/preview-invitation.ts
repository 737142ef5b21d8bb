import type { TRole } from "@/lib/auth/access-rights";
import { toTokenHash } from "../../auth/one-time-token";
import type { TDbOrTx } from "../../db/client";
import { invitationState, type TInvitationState } from "./invitation-summary";

export type TInvitationPreview =
  | { state: "unknown" }
  | {
      state: TInvitationState;
      email: string;
      role: TRole;
      workspace: { name: string; slug: string };
      invitedBy: string;
      expiresAt: Date;
      /** An account with the invited email exists: the page asks to sign in rather than offering a new account. */
      hasAccount: boolean;
    };

/**
 * What the accept page shows for a link: who invited whom to which workspace, and whether it can still be accepted.
 * Only the holder of the token gets here; an unknown or malformed token is `unknown`, never an error.
 */
export async function previewInvitation(db: TDbOrTx, options: { token: string; now?: Date }): Promise<TInvitationPreview> {
  const tokenHash = toTokenHash(options.token);
  if (!tokenHash) return { state: "unknown" };
  const row = await db.invitation.findUnique({
    where: { tokenHash },
    select: {
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      workspace: { select: { name: true, slug: true } },
      invitedBy: { select: { name: true, email: true } },
    },
  });
  if (!row) return { state: "unknown" };
  const account = await db.user.findUnique({ where: { email: row.email }, select: { id: true } });
  return {
    state: invitationState(row, options.now ?? new Date()),
    email: row.email,
    role: row.role,
    workspace: row.workspace,
    invitedBy: row.invitedBy.name ?? row.invitedBy.email,
    expiresAt: row.expiresAt,
    hasAccount: account !== null,
  };
}
