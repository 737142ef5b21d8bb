import { transferOwnership } from "../../../services/member/transfer-ownership";
import { memberProcedure } from "../../trpc";
import { ZTransferOwnershipInput } from "./types";

export const transferOwnershipProcedure = memberProcedure("workspace:manage")
  .input(ZTransferOwnershipInput)
  .mutation(({ ctx, input }) => transferOwnership(ctx.db, { workspaceId: input.workspaceId, actorId: ctx.user.id, userId: input.userId }));
