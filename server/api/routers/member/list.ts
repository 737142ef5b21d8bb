import { z } from "zod";
import { listMembers } from "../../../services/member/list-members";
import { workspaceProcedure } from "../../trpc";
import { ZListMembersInput, ZMemberSummary } from "./types";

export const listMembersProcedure = workspaceProcedure("members:read")
  .input(ZListMembersInput)
  .output(z.array(ZMemberSummary))
  .query(({ ctx, input }) => listMembers(ctx.db, { workspaceId: input.workspaceId, viewerId: ctx.user.id }));
