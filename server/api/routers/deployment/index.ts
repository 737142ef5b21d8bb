import { createRouter } from "../../trpc";
import { blueGreenProcedure, deployIdleProcedure, replayIdleProcedure, switchIdleProcedure } from "./blue-green";
import { deployProcedure, moveTriggerProcedure, promoteProcedure, rollbackProcedure, setShareProcedure } from "./change";
import { timelineProcedure } from "./timeline";
import { approveRequestProcedure, listRequestsProcedure, rejectRequestProcedure } from "./requests";
import { comparisonProcedure, historyProcedure, listEnvironmentsProcedure, listLanesProcedure } from "./read";

export const deploymentRouter = createRouter({
  listEnvironments: listEnvironmentsProcedure,
  lanes: listLanesProcedure,
  deploy: deployProcedure,
  setShare: setShareProcedure,
  promote: promoteProcedure,
  rollback: rollbackProcedure,
  moveTrigger: moveTriggerProcedure,
  comparison: comparisonProcedure,
  history: historyProcedure,
  deployIdle: deployIdleProcedure,
  replayIdle: replayIdleProcedure,
  switchIdle: switchIdleProcedure,
  blueGreen: blueGreenProcedure,
  requests: listRequestsProcedure,
  approve: approveRequestProcedure,
  reject: rejectRequestProcedure,
  timeline: timelineProcedure,
});
