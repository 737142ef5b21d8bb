import { z } from "zod";
import { ZWorkspaceId } from "../../trpc";

const ZAuditFilter = {
  workspaceId: ZWorkspaceId,
  actor: z.string().trim().max(200).optional(),
  action: z.string().trim().max(100).optional(),
  target: z.string().trim().max(200).optional(),
  after: z.iso.datetime({ offset: true }).max(40).optional(),
  before: z.iso.datetime({ offset: true }).max(40).optional(),
};

export const ZListAuditInput = z.object({ ...ZAuditFilter, limit: z.number().int().min(1).max(200).default(50), /** Older than this record (`nextBeforeSeq` of the page before). */ cursor: z.number().int().min(1).optional(), /** Sent by TanStack's infinite queries; pages only go back in time. */ direction: z.enum(["forward", "backward"]).optional() }).strict();
export const ZExportAuditInput = z.object(ZAuditFilter).strict();
export const ZVerifyAuditInput = z.object({ workspaceId: ZWorkspaceId }).strict();
