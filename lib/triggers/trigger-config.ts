// Trigger node types and the Schedule trigger's settings, as the editor, validation, the publish-time sync and the
// scheduler all read them.
export const SCHEDULE_NODE_TYPE = "core/schedule";
export const WEBHOOK_NODE_TYPE = "core/webhook";

export type TTriggerKind = "webhook" | "schedule";

/** The Trigger row kind a node type makes, if it is a trigger. */
export const TRIGGER_KIND_OF_NODE_TYPE: Readonly<Record<string, TTriggerKind>> = { [WEBHOOK_NODE_TYPE]: "webhook", [SCHEDULE_NODE_TYPE]: "schedule" };
export const DEFAULT_TIMEZONE = "UTC";
export const MAX_CRON_LENGTH = 120;

export type TScheduleConfig = { cron: string; timezone: string };

/** A Schedule node's cron and timezone; a missing timezone is UTC, so a schedule never depends on the server's zone. */
export function readScheduleConfig(config: Record<string, unknown>): TScheduleConfig {
  const cron = typeof config.cron === "string" ? config.cron.trim() : "";
  const timezone = typeof config.timezone === "string" && config.timezone.trim() !== "" ? config.timezone.trim() : DEFAULT_TIMEZONE;
  return { cron, timezone };
}
