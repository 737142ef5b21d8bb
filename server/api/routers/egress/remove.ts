import { removeEgressRule } from "../../../services/egress/remove-egress-rule";
import { memberProcedure } from "../../trpc";
import { ZRemoveEgressRuleInput } from "./types";

export const removeEgressRuleProcedure = memberProcedure("egress:manage")
  .input(ZRemoveEgressRuleInput)
  .mutation(({ ctx, input }) => removeEgressRule(ctx.db, { workspaceId: input.workspaceId, ruleId: input.ruleId }));
