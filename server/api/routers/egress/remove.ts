import { removeEgressRule } from "../../../services/egress/remove-egress-rule";
import { workspaceProcedure } from "../../trpc";
import { ZRemoveEgressRuleInput } from "./types";

export const removeEgressRuleProcedure = workspaceProcedure("egress:manage")
  .input(ZRemoveEgressRuleInput)
  .mutation(({ ctx, input }) => removeEgressRule(ctx.db, { workspaceId: input.workspaceId, ruleId: input.ruleId }));
