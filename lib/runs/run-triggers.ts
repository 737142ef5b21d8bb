// What started a run, as `Run.trigger` records it. The history's trigger filter and its options share this list.
export const RUN_TRIGGERS = ["manual", "webhook", "schedule", "subgraph", "tool", "replay", "fork", "openclaw-gateway"] as const;
export type TRunTrigger = (typeof RUN_TRIGGERS)[number];

/**
 * A run recorded from an OpenClaw gateway's events (server/openclaw-gateway/): the gateway ran it, the studio only
 * watched. The engine never claims it, and nothing re-runs it (replay, fork and cancel would have to call the gateway).
 */
export const GATEWAY_RUN_TRIGGER = "openclaw-gateway" satisfies TRunTrigger;
