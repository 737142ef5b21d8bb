import { findUnsafeJson } from "../json/find-unsafe-json";
import { upgradeGraphDocument } from "./format/upgrade-graph-document";
import { GRAPH_LIMITS } from "./limits";
import { formatProblemPath, type TGraphProblem } from "./problem";
import { findDanglingEdges } from "./rules/find-dangling-edges";
import { findDuplicateIds } from "./rules/find-duplicate-ids";
import { findInvalidGroups } from "./rules/find-invalid-groups";
import { findOversizedConfigs } from "./rules/find-oversized-configs";
import { ZGraphSpec, type TGraphSpec } from "./spec";

export type TGraphValidation = { ok: true; spec: TGraphSpec } | { ok: false; problems: TGraphProblem[] };

const RULES = [findDuplicateIds, findDanglingEdges, findInvalidGroups, findOversizedConfigs];

/**
 * Validates an untrusted value as a graph spec: unsafe keys, size, the format upgraded to the current one, shape, then
 * every structural rule. Pure; executes nothing.
 */
export function validateGraphSpec(value: unknown): TGraphValidation {
  const unsafe = findUnsafeJson(value, GRAPH_LIMITS.maxDepth);
  if (unsafe) return { ok: false, problems: [{ code: unsafe.code, message: unsafe.message, path: unsafe.path }] };

  const bytes = new TextEncoder().encode(JSON.stringify(value) ?? "").length;
  if (bytes > GRAPH_LIMITS.maxSpecBytes) {
    const message = `The graph is ${bytes} bytes; the limit is ${GRAPH_LIMITS.maxSpecBytes}`;
    return { ok: false, problems: [{ code: "GRAPH_TOO_LARGE", message, path: [] }] };
  }

  const upgrade = upgradeGraphDocument(value);
  if (!upgrade.ok) return { ok: false, problems: [{ code: upgrade.code, message: upgrade.message, path: ["format"] }] };
  const document = upgrade.document;

  const parsed = ZGraphSpec.safeParse(document);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const path = issue.path.map((part) => (typeof part === "symbol" ? String(part) : part));
      return { code: "INVALID_SHAPE", message: issue.message, path, nodeId: nodeIdAt(document, path) };
    });
    return { ok: false, problems };
  }

  const problems = RULES.flatMap((rule) => rule(parsed.data));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, spec: parsed.data };
}

/** One line per problem, e.g. `nodes[2].position.x: Invalid input: expected number`. */
export function describeGraphProblems(problems: TGraphProblem[]): string {
  return problems
    .slice(0, 20)
    .map((problem) => (problem.path.length > 0 ? `${formatProblemPath(problem.path)}: ${problem.message}` : problem.message))
    .join("\n");
}

function nodeIdAt(value: unknown, path: (string | number)[]): string | undefined {
  if (path[0] !== "nodes" || typeof path[1] !== "number") return undefined;
  const nodes = (value as { nodes?: unknown }).nodes;
  const node = Array.isArray(nodes) ? nodes[path[1]] : undefined;
  const id = node && typeof node === "object" ? (node as { id?: unknown }).id : undefined;
  return typeof id === "string" ? id : undefined;
}
