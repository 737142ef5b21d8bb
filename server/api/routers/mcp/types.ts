import { z } from "zod";
import { ZWorkspaceId } from "../../trpc";

const ZCommandId = z.string().min(1).max(64);

export const ZListMcpCommandsInput = z.object({ workspaceId: ZWorkspaceId }).strict();

// Names and the program are checked by the service (trimmed, no spaces in the program) so an admin reads the reason.
export const ZAddMcpCommandInput = z
  .object({
    workspaceId: ZWorkspaceId,
    name: z.string().max(100),
    command: z.string().max(1_000),
    args: z.array(z.string().max(2_000)).max(50),
  })
  .strict();

export const ZRemoveMcpCommandInput = z.object({ workspaceId: ZWorkspaceId, commandId: ZCommandId }).strict();

export const ZInspectMcpServerInput = z.discriminatedUnion("transport", [
  z.object({ workspaceId: ZWorkspaceId, transport: z.literal("stdio"), commandId: ZCommandId }).strict(),
  z.object({ workspaceId: ZWorkspaceId, transport: z.literal("http"), url: z.string().min(1).max(2_000) }).strict(),
]);
