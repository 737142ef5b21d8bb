import { auditedCreation } from "../../../audit/audit-note";
import { addEgressRule } from "../../../services/egress/add-egress-rule";
import { memberProcedure } from "../../trpc";
import { ZAddEgressRuleInput } from "./types";

export const addEgressRuleProcedure = memberProcedure("egress:manage")
  .input(ZAddEgressRuleInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, host } = input;
    return auditedCreation(ctx.auditNote, () => addEgressRule(ctx.db, { workspaceId, actorId: ctx.user.id, host }), (rule) => ({ id: rule.id, host: rule.host }));
  });
