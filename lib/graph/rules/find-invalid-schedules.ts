import { describeScheduleProblem, readScheduleConfig, SCHEDULE_NODE_TYPE } from "../../triggers";
import { getNodeName } from "../get-node-name";
import type { TGraphProblem } from "../problem";
import type { TGraphSpec } from "../spec";

// Whether a five-field pattern ever matches does not depend on when it is asked (the calendar repeats), so a fixed
// reference keeps the rule pure.
const REFERENCE = new Date("2026-01-01T00:00:00Z");

/**
 * A Schedule trigger's cron and time zone must parse and fire at some point: the config schema only sees strings.
 * Reported on the setting, so the editor marks the field; publishing refuses the same problems.
 */
export function findInvalidSchedules(spec: TGraphSpec): TGraphProblem[] {
  const problems: TGraphProblem[] = [];
  spec.nodes.forEach((node, index) => {
    if (node.type !== SCHEDULE_NODE_TYPE || typeof node.config.cron !== "string") return;
    const schedule = readScheduleConfig(node.config);
    const problem = describeScheduleProblem(schedule, REFERENCE);
    if (!problem) return;
    problems.push({ code: "INVALID_SCHEDULE", message: `"${getNodeName(node)}": ${problem.message}`, path: ["nodes", index, "config", problem.setting], nodeId: node.id });
  });
  return problems;
}
