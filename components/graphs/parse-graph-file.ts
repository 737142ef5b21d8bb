import { describeGraphProblems, GRAPH_LIMITS, validateGraph, validateGraphSpec, type TGraphSpec, type TNodeTypeRegistry } from "@/lib/graph";

/**
 * Reads an exported graph file for import: size, JSON syntax (with the position of the mistake), the graph format and
 * its rules (prototype keys included), and node types this workspace does not have. Executes nothing.
 */
export function parseGraphFile(text: string, registry: TNodeTypeRegistry): { ok: true; spec: TGraphSpec } | { ok: false; message: string } {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > GRAPH_LIMITS.maxSpecBytes) return { ok: false, message: `The file is ${bytes} bytes; a graph is at most ${GRAPH_LIMITS.maxSpecBytes}` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `The file is not valid JSON: ${(error as Error).message}` };
  }
  const shape = validateGraphSpec(value);
  if (!shape.ok) return { ok: false, message: describeGraphProblems(shape.problems) };
  const typed = validateGraph(shape.spec, registry);
  const unknown = typed.ok ? [] : typed.problems.filter((problem) => problem.code === "UNKNOWN_NODE_TYPE");
  if (unknown.length > 0) return { ok: false, message: describeGraphProblems(unknown) };
  return { ok: true, spec: shape.spec };
}

/** A graph name from a file name: `Support triage.studio-graph.json` (or the older `.openclaw.json`) -> `Support triage`. */
export function graphNameFromFile(fileName: string): string {
  return fileName.replace(/(\.studio-graph|\.openclaw)?\.json$/i, "").trim().slice(0, 120) || "Imported graph";
}
