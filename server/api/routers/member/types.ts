import { z } from "zod";
import { ZWorkspaceId } from "../../trpc";

export const ZListMembersInput = z.object({ workspaceId: ZWorkspaceId }).strict();
export const ZRemoveMemberInput = z.object({ workspaceId: ZWorkspaceId, userId: z.string().min(1).max(64) }).strict();
