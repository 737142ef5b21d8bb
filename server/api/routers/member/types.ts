import { z } from "zod";
import { ROLES } from "@/lib/auth/access-rights";
import { ZWorkspaceId } from "../../trpc";

const ZUserId = z.string().min(1).max(64);

export const ZListMembersInput = z.object({ workspaceId: ZWorkspaceId }).strict();
export const ZRemoveMemberInput = z.object({ workspaceId: ZWorkspaceId, userId: ZUserId }).strict();
export const ZChangeMemberRoleInput = z.object({ workspaceId: ZWorkspaceId, userId: ZUserId, role: z.enum(ROLES) }).strict();
export const ZLeaveWorkspaceInput = z.object({ workspaceId: ZWorkspaceId }).strict();
export const ZTransferOwnershipInput = z.object({ workspaceId: ZWorkspaceId, userId: ZUserId }).strict();

/** Output schema as a second guard: a member row never carries the password hash it was derived from. */
export const ZMemberSummary = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  isYou: z.boolean(),
  role: z.enum(ROLES),
  createdAt: z.date(),
  lastActiveAt: z.date().nullable(),
  signIn: z.object({ hasPassword: z.boolean(), providers: z.array(z.string()) }),
});
