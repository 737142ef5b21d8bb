import { z } from "zod";
import { ZRunRetention } from "@/lib/runs/run-retention";
import { ZWorkspaceName, ZWorkspaceSlug } from "@/lib/workspaces/workspace-name";
import { ZWorkspaceId } from "../../trpc";

export const ZCreateWorkspaceInput = z.object({ name: ZWorkspaceName, slug: ZWorkspaceSlug }).strict();
export const ZRenameWorkspaceInput = z.object({ workspaceId: ZWorkspaceId, name: ZWorkspaceName, slug: ZWorkspaceSlug.optional() }).strict();
/** `confirmName`: the workspace's name as the owner typed it. */
export const ZDeleteWorkspaceInput = z.object({ workspaceId: ZWorkspaceId, confirmName: z.string().max(200) }).strict();
export const ZRunRetentionInput = z.object({ workspaceId: ZWorkspaceId }).strict();
export const ZSetRunRetentionInput = z.object({ workspaceId: ZWorkspaceId, retention: ZRunRetention }).strict();
