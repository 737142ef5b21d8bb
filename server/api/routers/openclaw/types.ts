import { z } from "zod";
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
