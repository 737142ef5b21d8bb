import { addEgressRule } from "../../../services/egress/add-egress-rule";
import { workspaceProcedure } from "../../trpc";
import { ZAddEgressRuleInput } from "./types";

export const addEgressRuleProcedure = workspaceProcedure("egress:manage")
  .input(ZAddEgressRuleInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, host } = input;
    return addEgressRule(ctx.db, { workspaceId, actorId: ctx.user.id, host });
  });
