import type { TDb } from "../db/client";
import { promoteCanary } from "./change-canary";
import { deployVersion, type TDeployOptions } from "./deploy-version";
import { findEnvironmentOrThrow } from "./find-environment";
import { requestDeployment } from "./request-deployment";

/**
 * What `deployment.deploy` and `deployment.promote` do: take effect now, or, in an environment that requires a second
 * person's approval, wait as a request (`pendingRequestId`, null when the change took effect).
 */
export async function submitDeploy(db: TDb, options: TDeployOptions) {
  const environment = await findEnvironmentOrThrow(db, options);
  if (environment.requiresApproval) return requestDeployment(db, { ...options, action: "deploy" });
  return { ...(await deployVersion(db, options)), pendingRequestId: null };
}

export async function submitPromote(db: TDb, options: Omit<TDeployOptions, "version" | "canary">) {
  const environment = await findEnvironmentOrThrow(db, options);
  if (environment.requiresApproval) return requestDeployment(db, { ...options, action: "promote" });
  return { ...(await promoteCanary(db, options)), pendingRequestId: null };
}
