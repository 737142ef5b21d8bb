/** One thing wrong with a graph, located precisely enough for the editor to focus it. */
export type TGraphProblem = {
  code: string;
  message: string;
  /** JSON path inside the spec, e.g. ["nodes", 3, "config"]. */
  path: (string | number)[];
  nodeId?: string;
  edgeId?: string;
};

export function formatProblemPath(path: (string | number)[]): string {
  return path.map((part, index) => (typeof part === "number" ? `[${part}]` : index === 0 ? part : `.${part}`)).join("");
}
