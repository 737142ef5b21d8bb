import { auditedDeletion } from "../../../audit/audit-note";
import { removeEgressRule } from "../../../services/egress/remove-egress-rule";
import { memberProcedure } from "../../trpc";
import { ZRemoveEgressRuleInput } from "./types";

export const removeEgressRuleProcedure = memberProcedure("egress:manage")
  .input(ZRemoveEgressRuleInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, ruleId } = input;
    return auditedDeletion(
      ctx.auditNote,
      () => ctx.db.egressRule.findFirst({ where: { id: ruleId, workspaceId }, select: { host: true } }),
      () => removeEgressRule(ctx.db, { workspaceId, ruleId }),
    );
  });
