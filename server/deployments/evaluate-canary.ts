import type { TDb } from "../db/client";
import { compareArms } from "./compare-arms";
import { DEPLOYMENT_SELECT } from "./deployment-target";
import { finishCanary } from "./finish-canary";
import { judgeCanary, type TVerdict } from "./judge-canary";

/**
 * After a run of deployment `deploymentId` finished: when a canary is running, the comparison over the canary window, judged by the deployment's rules. A
 * candidate that breaks a rule (with its minimum runs) is rolled back at once, so no later delivery reaches it; one
 * that meets them is promoted when the deployment says so (autoPromote). Either decision is an event with its numbers.
 * Returns the verdict, or null when the run belongs to no running canary.
 */
export async function evaluateCanaryAfterRun(db: TDb, deploymentId: string): Promise<TVerdict | null> {
  const deployment = await db.deployment.findUnique({ where: { id: deploymentId }, select: DEPLOYMENT_SELECT });
  if (!deployment?.candidateVersion || !deployment.canaryStartedAt) return null;
  const numbers = await compareArms(db, { ...deployment, since: deployment.canaryStartedAt });
  const verdict = judgeCanary(numbers, deployment);
  const candidate = deployment.candidateVersion.number;
  if (verdict.kind === "rollback") {
    await finishCanary(db, { deployment, outcome: "rolled_back", actor: { type: "rules" }, reason: `version ${candidate} rolled back: ${verdict.reason}`, numbers });
  } else if (verdict.kind === "healthy" && deployment.autoPromote) {
    await finishCanary(db, { deployment, outcome: "promoted", actor: { type: "rules" }, reason: `version ${candidate} promoted: ${verdict.reason}`, numbers });
  }
  return verdict;
}
