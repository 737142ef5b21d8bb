import { createRouter } from "../../trpc";
import { approveRunProcedure } from "./approve";
import { cancelRunProcedure } from "./cancel";
import { listRunEventsProcedure } from "./events";
import { getRunProcedure } from "./get";
import { listRunsProcedure } from "./list";
import { forkRunProcedure } from "./fork";
import { rejectRunProcedure } from "./reject";
import { replayRunProcedure } from "./replay";
import { startRunProcedure } from "./start";
import { runStatsProcedure } from "./stats";
import { stepValueProcedure } from "./step-value";
import { listRunStepsProcedure } from "./steps";

export const runRouter = createRouter({
  start: startRunProcedure,
  get: getRunProcedure,
  list: listRunsProcedure,
  stats: runStatsProcedure,
  cancel: cancelRunProcedure,
  approve: approveRunProcedure,
  reject: rejectRunProcedure,
  steps: listRunStepsProcedure,
  stepValue: stepValueProcedure,
  events: listRunEventsProcedure,
  replay: replayRunProcedure,
  fork: forkRunProcedure,
});
