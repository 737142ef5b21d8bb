import { z } from "zod";
import { ROLES } from "@/lib/auth/access-rights";
import { GRAPH_TAG_LIMITS, ZGraphName, ZGraphTag } from "@/lib/graph";
import { ZWorkspaceId } from "../../trpc";

// Inputs of the graph procedures. Specs arrive as unknown and are validated by the service with the graph rules,
// so every problem comes back located (path, node) instead of as a generic parse error.
const ZGraphRef = { workspaceId: ZWorkspaceId, graphId: z.string().min(1).max(64) };

export const ZListGraphsInput = z
  .object({
    workspaceId: ZWorkspaceId,
    /** Only graphs carrying every one of these tags. */
    tags: z.array(ZGraphTag).max(GRAPH_TAG_LIMITS.maxPerGraph).optional(),
  })
  .strict();
export const ZListGraphTagsInput = z.object({ workspaceId: ZWorkspaceId }).strict();
export const ZGraphTagInput = z.object({ ...ZGraphRef, tag: ZGraphTag }).strict();
export const ZGetGraphInput = z.object(ZGraphRef).strict();
export const ZCreateGraphInput = z.object({ workspaceId: ZWorkspaceId, name: ZGraphName, spec: z.unknown().optional() }).strict();
export const ZRenameGraphInput = z.object({ ...ZGraphRef, name: ZGraphName }).strict();
export const ZDeleteGraphInput = z.object(ZGraphRef).strict();
export const ZSaveDraftInput = z
  .object({
    ...ZGraphRef,
    spec: z.unknown(),
    baseRevision: z.number().int().min(1),
    clientId: z.string().max(64).optional(),
  })
  .strict();
export const ZPublishVersionInput = z
  .object({ ...ZGraphRef, draftRevision: z.number().int().min(1), message: z.string().trim().max(500).default(""), acceptProblems: z.boolean().default(false) })
  .strict();
export const ZListVersionsInput = z.object(ZGraphRef).strict();
export const ZGetVersionInput = z.object({ ...ZGraphRef, number: z.number().int().min(1) }).strict();
export const ZSetGraphAccessInput = z
  .object({
    ...ZGraphRef,
    /** false: everyone in the workspace sees the graph; true: owners plus the roles and members named. */
    isRestricted: z.boolean(),
    allowedRoles: z.array(z.enum(ROLES)).max(ROLES.length).default([]),
    allowedUserIds: z.array(z.string().min(1).max(64)).max(500).default([]),
  })
  .strict();
