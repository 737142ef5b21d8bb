import { SCHEDULE_NODE_TYPE } from "@/lib/triggers/trigger-config";
import type { TNodeImplementation } from "../../node-implementation";

/**
 * Starts a run of the published version at each cron tick (server/triggers/scheduler.ts), with the tick as the run
 * input; a run started by hand passes its typed input on the same way.
 */
export const scheduleNode: TNodeImplementation = {
  definition: {
    type: SCHEDULE_NODE_TYPE,
    version: 1,
    title: "Schedule",
    category: "trigger",
    icon: "clock",
    description: "Starts the published version on a cron schedule in a time zone; emits { firedAt, cron, timezone }.",
    inputs: [],
    outputs: [{ id: "out", kind: "data", label: "tick", schema: { type: "object" } }],
    configSchema: {
      type: "object",
      properties: {
        cron: {
          type: "string",
          title: "Cron",
          minLength: 1,
          maxLength: 120,
          description: "Five fields (minute hour day month weekday) or @hourly, @daily, @weekly, @monthly",
          examples: ["0 9 * * 1-5", "@hourly"],
        },
        timezone: { type: "string", title: "Time zone", maxLength: 64, description: "IANA time zone the hours are read in; UTC when empty", examples: ["Europe/Berlin"] },
      },
      required: ["cron"],
      additionalProperties: false,
    },
    uiHints: { cron: { label: "Cron", placeholder: "0 9 * * 1-5" }, timezone: { label: "Time zone", placeholder: "UTC" } },
    sideEffects: "pure",
  },
  async execute(context) {
    return { kind: "outputs", outputs: { out: context.runInput } };
  },
};
