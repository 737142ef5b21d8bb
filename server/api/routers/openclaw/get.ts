import { getOpenClawExtension } from "../../../services/openclaw/get-openclaw-extension";
import { workspaceProcedure } from "../../trpc";
import { ZGetOpenClawInput } from "./types";

/** One imported plugin or skill with what its import kept (channels, tool metadata, skills, package.json#openclaw ...). */
export const getOpenClawProcedure = workspaceProcedure("graph:read")
  .input(ZGetOpenClawInput)
  .query(({ ctx, input }) => getOpenClawExtension(ctx.db, { workspaceId: input.workspaceId, id: input.id }));
