import { z } from "zod";
import { ZWorkspaceId } from "../../trpc";

// Inputs of the deployment procedures (server/deployments/README.md).
const ZEnvironmentName = z.string().trim().toLowerCase().min(1).max(40);
const ZGraphRef = { workspaceId: ZWorkspaceId, graphId: z.string().min(1).max(64) };
const ZTarget = { ...ZGraphRef, environment: ZEnvironmentName };
export const ZCanaryShare = z.number().int().min(1, "A canary share is 1 to 50 %").max(50, "A canary share is 1 to 50 %");

export const ZListEnvironmentsInput = z.object({ workspaceId: ZWorkspaceId }).strict();
export const ZListLanesInput = z.object(ZGraphRef).strict();
export const ZTargetInput = z.object(ZTarget).strict();
export const ZHistoryInput = z.object({ ...ZGraphRef, environment: ZEnvironmentName.optional() }).strict();
export const ZSetShareInput = z.object({ ...ZTarget, share: ZCanaryShare }).strict();
export const ZDeployInput = z
  .object({
    ...ZTarget,
    version: z.number().int().min(1),
    /** Absent: the version becomes stable. Present: it runs as a candidate beside the stable version. */
    canary: z
      .object({
        share: ZCanaryShare,
        /** Decide once the candidate has this many finished runs. */
        minRuns: z.number().int().min(1).max(100_000).default(20),
        /** Largest allowed error-rate increase over stable, absolute (0.05 = 5 points). */
        maxErrorRateIncrease: z.number().min(0).max(1).default(0.05),
        /** Largest allowed cost-per-run increase over stable, relative (0.2 = +20 %). */
        maxCostIncrease: z.number().min(0).max(100).default(0.2),
        autoPromote: z.boolean().default(false),
      })
      .strict()
      .optional(),
  })
  .strict();
export const ZMoveTriggerInput = z
  .object({ ...ZTarget, nodeId: z.string().min(1).max(64), kind: z.enum(["webhook", "schedule"]) })
  .strict();

/** Blue/green: a version deployed idle beside the stable one, and the replay of the stable version's last runs through it. */
export const ZDeployIdleInput = z.object({ ...ZTarget, version: z.number().int().min(1) }).strict();
export const ZReplayIdleInput = z
  .object({
    ...ZTarget,
    count: z.number().int().min(1, "Replay 1 to 50 runs").max(50, "Replay 1 to 50 runs"),
    /** Steps that changed run live (models and hosts called) instead of failing unrun. */
    allowLiveCalls: z.boolean().default(false),
  })
  .strict();
