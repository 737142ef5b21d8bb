import { readCanaryTimeline } from "../../../deployments/read-canary-timeline";
import { workspaceProcedure } from "../../trpc";
import { ZTargetInput } from "./types";

/** The comparison per time bucket, for the live chart (polled like `comparison`). */
export const timelineProcedure = workspaceProcedure("graph:read")
  .input(ZTargetInput)
  .query(({ ctx, input }) => readCanaryTimeline(ctx.db, input));
