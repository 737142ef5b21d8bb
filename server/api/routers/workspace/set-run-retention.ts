import { auditedChange } from "../../../audit/audit-note";
import { getRunRetention } from "../../../services/workspace/get-run-retention";
import { setRunRetention } from "../../../services/workspace/set-run-retention";
import { memberProcedure } from "../../trpc";
import { ZSetRunRetentionInput } from "./types";

export const setRunRetentionProcedure = memberProcedure("retention:manage")
  .input(ZSetRunRetentionInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, retention } = input;
    return auditedChange(ctx.auditNote, {
      before: () => getRunRetention(ctx.db, { workspaceId }),
      run: () => setRunRetention(ctx.db, { workspaceId, retention }),
      after: (saved) => saved,
    });
  });
