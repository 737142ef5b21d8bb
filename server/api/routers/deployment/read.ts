import { getDeploymentComparison, listDeploymentHistory } from "../../../deployments/read-deployment";
import { listDeploymentLanes, listEnvironments } from "../../../deployments/list-deployment-lanes";
import { workspaceProcedure } from "../../trpc";
import { ZHistoryInput, ZListEnvironmentsInput, ZListLanesInput, ZTargetInput } from "./types";

export const listEnvironmentsProcedure = workspaceProcedure("workspace:read")
  .input(ZListEnvironmentsInput)
  .query(({ ctx, input }) => listEnvironments(ctx.db, { workspaceId: input.workspaceId, ability: ctx.workspace.ability }));

export const listLanesProcedure = workspaceProcedure("graph:read")
  .input(ZListLanesInput)
  .query(({ ctx, input }) => listDeploymentLanes(ctx.db, { ...input, ability: ctx.workspace.ability }));

export const comparisonProcedure = workspaceProcedure("graph:read")
  .input(ZTargetInput)
  .query(({ ctx, input }) => getDeploymentComparison(ctx.db, input));

export const historyProcedure = workspaceProcedure("graph:read")
  .input(ZHistoryInput)
  .query(({ ctx, input }) => listDeploymentHistory(ctx.db, input));
