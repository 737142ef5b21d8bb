import { z } from "zod";
import { RUN_STATUSES } from "../../../runtime/statuses";
import { ZWorkspaceId } from "../../trpc";

const ZId = z.string().min(1).max(64);
const ZRunRef = { workspaceId: ZWorkspaceId, runId: ZId };

export const ZStartRunInput = z
  .object({
    workspaceId: ZWorkspaceId,
    graphId: ZId,
    /** A version number, "latest" (the newest published version) or "draft". */
    version: z.union([z.number().int().min(1), z.literal("latest"), z.literal("draft")]).default("draft"),
    input: z.unknown().optional(),
  })
  .strict();
export const ZGetRunInput = z.object(ZRunRef).strict();
export const ZListRunsInput = z
  .object({
    workspaceId: ZWorkspaceId,
    graphId: ZId.optional(),
    versionNumber: z.number().int().min(1).optional(),
    statuses: z.array(z.enum(RUN_STATUSES)).max(RUN_STATUSES.length).optional(),
    createdAfter: z.iso.datetime().optional(),
    createdBefore: z.iso.datetime().optional(),
    cursor: ZId.optional(),
    limit: z.number().int().min(1).max(100).default(25),
  })
  .strict();
export const ZCancelRunInput = z.object(ZRunRef).strict();
export const ZDecideApprovalInput = z.object({ ...ZRunRef, nodeId: ZId, comment: z.string().trim().max(2_000).optional() }).strict();
export const ZListStepsInput = z.object(ZRunRef).strict();
export const ZListEventsInput = z.object({ ...ZRunRef, afterSeq: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1_000).default(500) }).strict();
export const ZReplayRunInput = z.object(ZRunRef).strict();
export const ZForkRunInput = z
  .object({ ...ZRunRef, stepSeq: z.number().int().min(1), input: z.record(z.string().max(64), z.unknown()).optional() })
  .strict();
