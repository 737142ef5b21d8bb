"use client";

import { useMemo } from "react";
import { computeNextFireTimes, describeScheduleProblem, readScheduleConfig, type TScheduleConfig } from "@/lib/triggers";
import { Alert } from "../../ui/alert";
import { formatRelativeTime } from "../../ui/format-relative-time";
import styles from "../editor.module.css";
import type { TInspectorExtraProps } from "../inspector-extras";
import { useGraphTriggers } from "./use-graph-triggers";

const PREVIEW_COUNT = 5;

/**
 * A Schedule node's next fire times, computed here from the cron as it is typed (the same library the scheduler uses),
 * and whether the schedule is active: only the published version's schedule fires.
 */
export function ScheduleExtra({ node, workspaceId, graphId }: TInspectorExtraProps) {
  const { triggers } = useGraphTriggers(workspaceId, graphId);
  const schedule = readScheduleConfig(node.config);
  const { cron, timezone } = schedule;
  const preview = useMemo(() => previewSchedule({ cron, timezone }), [cron, timezone]);
  const trigger = triggers.data?.find((row) => row.kind === "schedule" && row.nodeId === node.id);
  const isPublishedAsShown = trigger?.isEnabled && trigger.cron === cron && trigger.timezone === timezone;

  return (
    <div className={styles.field} data-testid="schedule-extra">
      <span>Schedule</span>
      <p className={styles.muted} data-testid="schedule-status">
        {!trigger?.isEnabled
          ? "Inactive: publish a version that contains this node to start the schedule."
          : isPublishedAsShown
            ? "Active: each tick starts a run of the published version."
            : `Active with the published settings (${trigger.cron}, ${trigger.timezone}); publish to use these.`}
      </p>
      {trigger?.isEnabled && trigger.nextFireAt && <p className={styles.muted}>Next run {formatInZone(trigger.nextFireAt, trigger.timezone ?? "UTC")}</p>}
      {trigger?.lastFiredAt && <p className={styles.muted}>Last run {formatRelativeTime(trigger.lastFiredAt)}</p>}
      {cron !== "" && "problem" in preview && <Alert>{preview.problem}</Alert>}
      {"times" in preview && (
        <>
          <span>Next {PREVIEW_COUNT} times ({timezone})</span>
          <ol className={styles.mono} data-testid="schedule-preview">
            {preview.times.map((time) => <li key={time.toISOString()}>{formatInZone(time, timezone)}</li>)}
          </ol>
        </>
      )}
    </div>
  );
}

function previewSchedule(schedule: TScheduleConfig): { times: Date[] } | { problem: string } {
  const now = new Date();
  const problem = describeScheduleProblem(schedule, now);
  return problem ? { problem: problem.message } : { times: computeNextFireTimes(schedule, now, PREVIEW_COUNT) };
}

function formatInZone(date: Date | string, timezone: string): string {
  return new Intl.DateTimeFormat(undefined, { timeZone: timezone, dateStyle: "medium", timeStyle: "short" }).format(new Date(date));
}
