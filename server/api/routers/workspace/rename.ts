import { renameWorkspace } from "../../../services/workspace/rename-workspace";
import { memberProcedure } from "../../trpc";
import { ZRenameWorkspaceInput } from "./types";

export const renameWorkspaceProcedure = memberProcedure("workspace:manage")
  .input(ZRenameWorkspaceInput)
  .mutation(({ ctx, input }) => renameWorkspace(ctx.db, { workspaceId: input.workspaceId, name: input.name, slug: input.slug }));
