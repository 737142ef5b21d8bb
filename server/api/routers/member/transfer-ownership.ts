import { auditedChange } from "../../../audit/audit-note";
import { transferOwnership } from "../../../services/member/transfer-ownership";
import { memberProcedure } from "../../trpc";
import { memberAuditState } from "./member-audit-state";
import { ZTransferOwnershipInput } from "./types";

/** Audited as both members' roles before and after (the new owner, and the caller who becomes admin). */
export const transferOwnershipProcedure = memberProcedure("workspace:manage")
  .input(ZTransferOwnershipInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, userId } = input;
    const roles = async () => ({
      newOwner: await memberAuditState(ctx.db, { workspaceId, userId }),
      previousOwner: await memberAuditState(ctx.db, { workspaceId, userId: ctx.user.id }),
    });
    return auditedChange(ctx.auditNote, {
      before: roles,
      run: () => transferOwnership(ctx.db, { workspaceId, actorId: ctx.user.id, userId }),
      after: roles,
    });
  });
