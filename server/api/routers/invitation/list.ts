import { z } from "zod";
import { listInvitations } from "../../../services/invitation/list-invitations";
import { memberProcedure } from "../../trpc";
import { ZInvitationSummary, ZListInvitationsInput } from "./types";

export const listInvitationsProcedure = memberProcedure("members:manage")
  .input(ZListInvitationsInput)
  .output(z.array(ZInvitationSummary))
  .query(({ ctx, input }) => listInvitations(ctx.db, { workspaceId: input.workspaceId }));
