import { z } from "zod";
import { ZWorkspaceId } from "../../trpc";

export const ZIssuePasswordResetInput = z.object({ workspaceId: ZWorkspaceId, userId: z.string().min(1).max(64) }).strict();
export const ZPasswordResetTokenInput = z.object({ token: z.string().min(1).max(128) }).strict();
export const ZCompletePasswordResetInput = z.object({ token: z.string().min(1).max(128), password: z.string().max(1024) }).strict();
