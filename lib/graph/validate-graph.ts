import type { TNodeTypeRegistry } from "./node-type";
import type { TGraphProblem } from "./problem";
import { findIncompatibleEdges } from "./rules/find-incompatible-edges";
import { findInvalidConfigs } from "./rules/find-invalid-configs";
import { findInvalidSchedules } from "./rules/find-invalid-schedules";
import { findMissingRequiredInputs } from "./rules/find-missing-required-inputs";
import { findOverfilledInputs } from "./rules/find-overfilled-inputs";
import { findUnboundedCycles } from "./rules/find-unbounded-cycles";
import { findUnknownNodeTypes } from "./rules/find-unknown-node-types";
import { findUnknownPorts } from "./rules/find-unknown-ports";
import type { TGraphSpec } from "./spec";
import { validateGraphSpec, type TGraphValidation } from "./validate-graph-spec";

export type TGraphTypeRule = (spec: TGraphSpec, registry: TNodeTypeRegistry) => TGraphProblem[];

const TYPE_RULES: TGraphTypeRule[] = [
  findUnknownNodeTypes,
  findInvalidConfigs,
  findInvalidSchedules,
  findUnknownPorts,
  findIncompatibleEdges,
  findOverfilledInputs,
  findMissingRequiredInputs,
  findUnboundedCycles,
];

// Problems are listed in the order their place appears in the spec, so the editor's list follows the graph.
const SECTION_ORDER = ["format", "nodes", "edges", "settings"];

/**
 * Validates an untrusted value against the format and the installed node types. The type-aware rules assume a
 * well-formed spec (unique ids, no dangling edges), so they run only once validateGraphSpec passes. Pure.
 */
export function validateGraph(value: unknown, registry: TNodeTypeRegistry): TGraphValidation {
  const structural = validateGraphSpec(value);
  if (!structural.ok) return structural;
  const problems = TYPE_RULES.flatMap((rule) => rule(structural.spec, registry));
  if (problems.length === 0) return structural;
  // Array.prototype.sort is stable: problems at the same place keep the rule order above.
  return { ok: false, problems: problems.sort(compareProblemPlaces) };
}

function compareProblemPlaces(a: TGraphProblem, b: TGraphProblem): number {
  const bySection = SECTION_ORDER.indexOf(String(a.path[0])) - SECTION_ORDER.indexOf(String(b.path[0]));
  if (bySection !== 0) return bySection;
  return (typeof a.path[1] === "number" ? a.path[1] : -1) - (typeof b.path[1] === "number" ? b.path[1] : -1);
}
