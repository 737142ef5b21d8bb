import { listEgressRules } from "../../../services/egress/list-egress-rules";
import { memberProcedure } from "../../trpc";
import { ZListEgressRulesInput } from "./types";

// Reading the allowlist is admin-only too: it maps which internal hosts the studio can reach.
export const listEgressRulesProcedure = memberProcedure("egress:manage")
  .input(ZListEgressRulesInput)
  .query(({ ctx, input }) => listEgressRules(ctx.db, { workspaceId: input.workspaceId }));
