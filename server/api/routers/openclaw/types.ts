import { z } from "zod";
import { ZGraphName } from "@/lib/graph";
import { ZWorkspaceId } from "../../trpc";

const MAX_TEXT = 256 * 1024;

export const ZImportOpenClawInput = z
  .object({
    workspaceId: ZWorkspaceId,
    source: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("plugin"), manifest: z.string().min(1).max(MAX_TEXT), packageJson: z.string().max(MAX_TEXT).optional() }).strict(),
      z.object({ kind: z.literal("skill"), markdown: z.string().min(1).max(MAX_TEXT) }).strict(),
    ]),
  })
  .strict();
export const ZRemoveOpenClawInput = z.object({ workspaceId: ZWorkspaceId, id: z.string().min(1).max(64) }).strict();

/** An uploaded file of an OpenClaw setup: its path inside the user's folder ('/'-separated) and its text. */
const ZUploadedFile = z.object({ path: z.string().min(1).max(512), content: z.string().max(MAX_TEXT) }).strict();

export const ZImportConfigInput = z
  .object({
    workspaceId: ZWorkspaceId,
    name: ZGraphName,
    /** Path of the openclaw.json among `files`. */
    entry: z.string().min(1).max(512),
    files: z.array(ZUploadedFile).min(1).max(64),
  })
  .strict();
export const ZExportConfigInput = z.object({ workspaceId: ZWorkspaceId, graphId: z.string().min(1).max(64) }).strict();
export const ZListOpenClawInput = z.object({ workspaceId: ZWorkspaceId }).strict();
export const ZGetOpenClawInput = z.object({ workspaceId: ZWorkspaceId, id: z.string().min(1).max(64) }).strict();
