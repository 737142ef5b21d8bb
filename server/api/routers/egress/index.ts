import { createRouter } from "../../trpc";
import { addEgressRuleProcedure } from "./add";
import { listEgressRulesProcedure } from "./list";
import { removeEgressRuleProcedure } from "./remove";

export const egressRouter = createRouter({
  list: listEgressRulesProcedure,
  add: addEgressRuleProcedure,
  remove: removeEgressRuleProcedure,
});
