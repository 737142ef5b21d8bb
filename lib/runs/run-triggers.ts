// What started a run, as `Run.trigger` records it. The history's trigger filter and its options share this list.
export const RUN_TRIGGERS = ["manual", "webhook", "schedule", "subgraph", "tool", "replay", "fork"] as const;
export type TRunTrigger = (typeof RUN_TRIGGERS)[number];
