/** Size limits of a graph spec, enforced by validation on every write. */
export const GRAPH_LIMITS = {
  maxNodes: 2_000,
  maxEdges: 4_000,
  maxSpecBytes: 4 * 1024 * 1024,
  maxConfigBytes: 64 * 1024,
  maxDepth: 32,
  maxLabelLength: 200,
  maxNameLength: 120,
} as const;
