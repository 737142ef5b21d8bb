import { z } from "zod";
import { ROLES } from "@/lib/auth/access-rights";
import { ZWorkspaceId } from "../../trpc";

// Inputs and outputs of the invitation procedures. The token appears in exactly one output, once: create's answer.
/** Lenient on purpose: one @ and no spaces. Stricter patterns refuse real addresses such as admin@localhost. */
export const ZEmailAddress = z.string().trim().max(320).regex(/^[^\s@]+@[^\s@]+$/, "Enter an email address such as name@example.com");

export const ZInvitationToken = z.string().min(1).max(128);

export const ZInvitationSummary = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  state: z.enum(["pending", "expired", "accepted", "revoked"]),
  invitedBy: z.string(),
  createdAt: z.date(),
  expiresAt: z.date(),
});

export const ZListInvitationsInput = z.object({ workspaceId: ZWorkspaceId }).strict();

export const ZCreateInvitationInput = z
  .object({ workspaceId: ZWorkspaceId, email: ZEmailAddress, role: z.enum(ROLES), expiresInDays: z.number().int().min(1).max(30).optional() })
  .strict();

export const ZCreatedInvitation = z.object({
  invitation: ZInvitationSummary,
  link: z.string(),
  mail: z.discriminatedUnion("status", [
    z.object({ status: z.literal("sent") }),
    z.object({ status: z.literal("not-configured") }),
    z.object({ status: z.literal("failed"), reason: z.string() }),
  ]),
});

export const ZRevokeInvitationInput = z.object({ workspaceId: ZWorkspaceId, invitationId: z.string().min(1).max(64) }).strict();

export const ZInvitationTokenInput = z.object({ token: ZInvitationToken }).strict();

export const ZAcceptAsNewUserInput = z.object({ token: ZInvitationToken, name: z.string().max(200), password: z.string().max(1024) }).strict();
