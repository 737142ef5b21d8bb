import { deleteWorkspace } from "../../../services/workspace/delete-workspace";
import { memberProcedure } from "../../trpc";
import { ZDeleteWorkspaceInput } from "./types";

export const deleteWorkspaceProcedure = memberProcedure("workspace:manage")
  .input(ZDeleteWorkspaceInput)
  .mutation(({ ctx, input }) => deleteWorkspace(ctx.db, { workspaceId: input.workspaceId, confirmName: input.confirmName }));
