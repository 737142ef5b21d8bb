import type { TRole } from "@/lib/auth/access-rights";
import type { Prisma } from "../../db/generated/client";

/** What lists show of an invitation: never its token hash. */
export const INVITATION_SUMMARY_SELECT = {
  id: true,
  email: true,
  role: true,
  createdAt: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
  invitedBy: { select: { name: true, email: true } },
} satisfies Prisma.InvitationSelect;

type TInvitationRow = Prisma.InvitationGetPayload<{ select: typeof INVITATION_SUMMARY_SELECT }>;

export type TInvitationState = "pending" | "expired" | "accepted" | "revoked";

export type TInvitationSummary = {
  id: string;
  email: string;
  role: TRole;
  state: TInvitationState;
  invitedBy: string;
  createdAt: Date;
  expiresAt: Date;
};

/** Accepted and revoked win over expired: they say what happened, expiry only what did not. */
export function invitationState(row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): TInvitationState {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  return row.expiresAt.getTime() <= now.getTime() ? "expired" : "pending";
}

export function toInvitationSummary(row: TInvitationRow, now: Date): TInvitationSummary {
  const { invitedBy, acceptedAt, revokedAt, ...rest } = row;
  return { ...rest, state: invitationState({ acceptedAt, revokedAt, expiresAt: row.expiresAt }, now), invitedBy: invitedBy.name ?? invitedBy.email };
}

/** Emails compare case-insensitively everywhere: stored lower-cased, as sign-in lower-cases what is typed. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
