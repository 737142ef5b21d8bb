import { leaveWorkspace } from "../../../services/member/leave-workspace";
import { memberProcedure } from "../../trpc";
import { ZLeaveWorkspaceInput } from "./types";

/** Any member leaves on their own (the last owner cannot); an API key cannot take its creator out. */
export const leaveWorkspaceProcedure = memberProcedure("workspace:read")
  .input(ZLeaveWorkspaceInput)
  .mutation(({ ctx, input }) => leaveWorkspace(ctx.db, { workspaceId: input.workspaceId, userId: ctx.user.id }));
