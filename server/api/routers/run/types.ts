import { z } from "zod";
import { RUN_TRIGGERS } from "@/lib/runs/run-triggers";
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
    /** The Input or trigger node to start at; required when the graph has several. */
    startNodeId: ZId.optional(),
  })
  .strict();
export const ZGetRunInput = z.object(ZRunRef).strict();
/** The run history's filter, shared by `run.list` and `run.stats`. */
const ZRunFilter = {
  workspaceId: ZWorkspaceId,
  graphId: ZId.optional(),
  /** A run's number within its graph (`#12`): with `graphId`, that one run. */
  number: z.number().int().min(1).optional(),
  /** A published version's number, or "draft" for runs of an unpublished draft. */
  versionNumber: z.union([z.number().int().min(1), z.literal("draft")]).optional(),
  statuses: z.array(z.enum(RUN_STATUSES)).max(RUN_STATUSES.length).optional(),
  triggers: z.array(z.enum(RUN_TRIGGERS)).max(RUN_TRIGGERS.length).optional(),
  createdAfter: z.iso.datetime().max(40).optional(),
  createdBefore: z.iso.datetime().max(40).optional(),
  /** Case-insensitive text in the error's message; bounded so a scan stays cheap. */
  errorText: z.string().trim().max(200).optional(),
};
export const ZListRunsInput = z
  .object({
    ...ZRunFilter,
    /** The `nextCursor` of the previous page (opaque). */
    cursor: z.string().max(128).optional(),
    /** Sent by TanStack infinite queries along with the cursor; pages only go forward. */
    direction: z.enum(["forward", "backward"]).optional(),
    limit: z.number().int().min(1).max(100).default(25),
  })
  .strict();
export const ZRunStatsInput = z.object(ZRunFilter).strict();
export const ZCancelRunInput = z.object(ZRunRef).strict();
export const ZDecideApprovalInput = z.object({ ...ZRunRef, nodeId: ZId, comment: z.string().trim().max(2_000).optional() }).strict();
export const ZListStepsInput = z.object(ZRunRef).strict();
export const ZListEventsInput = z.object({ ...ZRunRef, afterSeq: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1_000).default(500) }).strict();
export const ZReplayRunInput = z.object(ZRunRef).strict();
export const ZForkRunInput = z
  .object({ ...ZRunRef, stepSeq: z.number().int().min(1), input: z.record(z.string().max(64), z.unknown()).optional() })
  .strict();
