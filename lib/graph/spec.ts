// The graph format, version 2: the one contract shared by the editor, the API and the runtime (DESIGN section 3).
// Older documents are upgraded on read (format/upgrade-graph-document.ts) before this schema sees them.
import { z } from "zod";
import { CURRENT_GRAPH_FORMAT_VERSION, GRAPH_FORMAT_PREFIX } from "./format/graph-format-version";
import { GRAPH_LIMITS } from "./limits";

export const GRAPH_FORMAT = `${GRAPH_FORMAT_PREFIX}${CURRENT_GRAPH_FORMAT_VERSION}` as const;

/** Node, edge and port ids: short, URL- and selector-safe. */
export const ZGraphId = z
  .string()
  .min(1, "must not be empty")
  .max(64, "must be at most 64 characters")
  .regex(/^[A-Za-z0-9_-]+$/, "may contain only letters, digits, '_' and '-'");

/** `<pluginId>/<nodeType>`, e.g. `core/agent`. */
export const ZNodeTypeId = z
  .string()
  .max(128)
  .regex(/^[a-z0-9][a-z0-9-]*\/[A-Za-z0-9][A-Za-z0-9_.-]*$/, "must look like <plugin>/<type>, e.g. core/agent");

export const ZPosition = z.object({ x: z.number(), y: z.number() }).strict();

/** Per-node retry policy: `attempts` includes the first; delays grow exponentially from `backoffMs`, with jitter. */
export const ZRetryPolicy = z
  .object({
    attempts: z.number().int().min(1).max(20),
    backoffMs: z.number().int().min(0).max(3_600_000).default(1_000),
    maxBackoffMs: z.number().int().min(0).max(86_400_000).default(60_000),
  })
  .strict();

export const ZGraphNode = z
  .object({
    id: ZGraphId,
    type: ZNodeTypeId,
    typeVersion: z.number().int().min(1).default(1),
    label: z.string().max(GRAPH_LIMITS.maxLabelLength).default(""),
    position: ZPosition,
    config: z.record(z.string(), z.unknown()).default({}),
    pinned: z.unknown().optional(),
    disabled: z.boolean().optional(),
    retry: ZRetryPolicy.optional(),
    timeoutMs: z.number().int().min(1).max(86_400_000).optional(),
    /** Id of the Group node (`core/group`) whose frame holds this node; the position stays absolute. */
    group: ZGraphId.optional(),
  })
  .strict();

export const ZPortRef = z.object({ node: ZGraphId, port: ZGraphId }).strict();

export const ZGraphEdge = z.object({ id: ZGraphId, source: ZPortRef, target: ZPortRef }).strict();

export const ZGraphSettings = z
  .object({
    maxSteps: z.number().int().min(1).max(1_000_000).optional(),
    runTimeoutMs: z.number().int().min(1_000).optional(),
    tokenBudget: z.number().int().min(1).optional(),
    costBudgetUsd: z.number().positive().optional(),
    concurrency: z.number().int().min(1).max(1_000).optional(),
    /** Messages an edge holds before its producer waits (backpressure). */
    mailboxCapacity: z.number().int().min(1).max(100_000).optional(),
    environment: z.string().max(32).regex(/^[a-z0-9-]*$/).optional(),
  })
  .strict();

export const ZGraphSpec = z
  .object({
    format: z.literal(GRAPH_FORMAT, `must be "${GRAPH_FORMAT}"`),
    nodes: z.array(ZGraphNode).max(GRAPH_LIMITS.maxNodes, `at most ${GRAPH_LIMITS.maxNodes} nodes`),
    edges: z.array(ZGraphEdge).max(GRAPH_LIMITS.maxEdges, `at most ${GRAPH_LIMITS.maxEdges} edges`),
    settings: ZGraphSettings.default({}),
  })
  .strict();

export type TGraphSpec = z.infer<typeof ZGraphSpec>;
export type TGraphNode = z.infer<typeof ZGraphNode>;
export type TGraphEdge = z.infer<typeof ZGraphEdge>;
export type TPortRef = z.infer<typeof ZPortRef>;
export type TGraphSettings = z.infer<typeof ZGraphSettings>;
export type TRetryPolicy = z.infer<typeof ZRetryPolicy>;

export function createEmptyGraphSpec(): TGraphSpec {
  return { format: GRAPH_FORMAT, nodes: [], edges: [], settings: {} };
}
