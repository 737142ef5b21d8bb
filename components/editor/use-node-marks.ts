"use client";

import type { ReactFlowInstance } from "@xyflow/react";
import { useDeferredValue, useEffect, useMemo, type RefObject } from "react";
import { validateGraph, type TGraphDiff, type TGraphProblem, type TGraphSpec, type TNodeTypeRegistry } from "@/lib/graph";
import { withDraftProblems, type TConfigDraft } from "./config-form/config-drafts";
import { refreshNodeData } from "./refresh-node-data";
import type { TCanvasNode } from "./spec-to-flow";

const NO_PROBLEMS: TGraphProblem[] = [];

/**
 * The graph's problems (an unparsed JSON field's mistake in place of what validation says about its stale value), and
 * the marks on its nodes: problem badges, comparison marks (added, changed, moved) and the ports of their node types. Validation waits for the canvas: the first paint (and each edit's) does not carry a
 * whole-graph check. Positions stay as React Flow has them, and nodes whose marks did not change keep their objects.
 */
export function useNodeMarks(options: {
  spec: TGraphSpec;
  specRef: RefObject<TGraphSpec>;
  registry: TNodeTypeRegistry;
  comparison: { diff: TGraphDiff } | undefined;
  drafts: readonly TConfigDraft[];
  flow: Pick<ReactFlowInstance<TCanvasNode>, "setNodes">;
}): readonly TGraphProblem[] {
  const { spec, specRef, registry, comparison, drafts, flow } = options;
  const validatedSpec = useDeferredValue<TGraphSpec | undefined>(spec, undefined);
  const validated = useMemo(() => {
    if (!validatedSpec) return NO_PROBLEMS;
    const result = validateGraph(validatedSpec, registry);
    return result.ok ? NO_PROBLEMS : result.problems;
  }, [validatedSpec, registry]);
  const problems = useMemo(() => (validatedSpec ? withDraftProblems(validated, drafts, validatedSpec) : validated), [validated, drafts, validatedSpec]);

  useEffect(() => {
    const problemCounts = new Map<string, number>();
    problems.forEach((problem) => problem.nodeId && problemCounts.set(problem.nodeId, (problemCounts.get(problem.nodeId) ?? 0) + 1));
    const added = new Set(comparison?.diff.nodes.added.map((node) => node.id));
    const changed = new Map(comparison?.diff.nodes.changed.map((change) => [change.id, change.fields]));
    const diffStatusOf = (id: string) => {
      if (added.has(id)) return "added" as const;
      const fields = changed.get(id);
      if (!fields) return undefined;
      return fields.length === 1 && fields[0] === "position" ? ("moved" as const) : ("changed" as const);
    };
    flow.setNodes((nodes) => refreshNodeData(nodes, specRef.current, registry, { problemCounts, diffStatusOf }));
  }, [comparison, flow, problems, registry, specRef]);

  return problems;
}
