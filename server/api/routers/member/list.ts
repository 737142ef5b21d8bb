import { listMembers } from "../../../services/member/list-members";
import { workspaceProcedure } from "../../trpc";
import { ZListMembersInput } from "./types";

export const listMembersProcedure = workspaceProcedure("members:read")
  .input(ZListMembersInput)
  .query(({ ctx, input }) => listMembers(ctx.db, { workspaceId: input.workspaceId }));
