import { formatProblemPath, getNodeName, type TGraphProblem, type TGraphSpec } from "@/lib/graph";
import { isPrefix, type TConfigPath } from "./config-values";
import type { TJsonTextError } from "./parse-json-text";

/** Text typed into a JSON field that does not parse: kept beside the spec (which keeps the last good value). */
export type TConfigDraft = { nodeId: string; path: TConfigPath; text: string; error: TJsonTextError };

export const INVALID_JSON_PROBLEM = "INVALID_JSON";

export function describeDraftError(nodeName: string, path: TConfigPath, error: TJsonTextError): string {
  return `"${nodeName}" has invalid JSON in the setting "${formatProblemPath(path)}" at ${error.message}`;
}

/**
 * The graph's problems as the user should read them while a JSON field holds text that does not parse: that field's
 * problem is the typing mistake, with its line and column, not what validation says about the stale value ("missing").
 * Drafts of nodes no longer in the spec are dropped.
 */
export function withDraftProblems(problems: readonly TGraphProblem[], drafts: readonly TConfigDraft[], spec: TGraphSpec): readonly TGraphProblem[] {
  const live = drafts.flatMap((draft) => {
    const index = spec.nodes.findIndex((node) => node.id === draft.nodeId);
    return index < 0 ? [] : [{ draft, index, node: spec.nodes[index]! }];
  });
  if (live.length === 0) return problems;
  const isCovered = (problem: TGraphProblem) =>
    live.some(({ draft }) => problem.nodeId === draft.nodeId && problem.path[2] === "config" && isPrefix(draft.path, problem.path.slice(3)));
  const draftProblems = live.map(({ draft, index, node }) => ({
    code: INVALID_JSON_PROBLEM,
    message: describeDraftError(getNodeName(node), draft.path, draft.error),
    path: ["nodes", index, "config", ...draft.path],
    nodeId: draft.nodeId,
  }));
  return [...problems.filter((problem) => !isCovered(problem)), ...draftProblems];
}
