// Sub-graph steps run another graph as a child run. The child is created once per parent step (unique
// parentRunId + parentStepSeq), and its end resolves the parent's wait in the same transaction as its finishRun.
// A child continues its parent's trace: its run span is a child of the span of the step (or tool call) that started it.
import { createHash } from "node:crypto";
import { describeGraphProblems, validateGraph } from "@/lib/graph";
import { toCanonicalJson } from "@/lib/graph/canonical-json";
import { NonRetriableError } from "../runtime/errors";
import { resolveWaitOfStep, type TFrontier } from "../runtime/frontier/frontier";
import type { TChildRunRequest, TChildRunResult } from "../runtime/node-implementation";
import type { TRunTrace } from "../runtime/trace-context";
import { checkPluginsAvailable, checkPluginUse } from "../plugins/check-plugin-use";
import { getWorkspaceNodeTypes } from "../plugins/workspace-plugins";
import type { TDb, TTx } from "./client";
import { Prisma } from "./generated/client";
import { insertRun } from "./insert-run";

const MAX_NESTING = 5;
const FINAL = new Set(["succeeded", "failed", "cancelled"]);

export async function createChildRun(
  db: TDb,
  options: { parentRunId: string; parentStepSeq: number; request: TChildRunRequest; trace?: TRunTrace },
): Promise<{ runId: string; finished?: TChildRunResult }> {
  const { parentRunId, parentStepSeq, request } = options;
  const existing = await db.run.findUnique({ where: { parentRunId_parentStepSeq: { parentRunId, parentStepSeq } }, select: { id: true, status: true, output: true, error: true } });
  if (existing) {
    const finished = FINAL.has(existing.status) ? { status: existing.status as TChildRunResult["status"], output: existing.output, error: existing.error } : undefined;
    return { runId: existing.id, finished };
  }
  const data = await prepareChildRun(db, parentRunId, request);
  const child = await insertRun(db, { ...data, ...options.trace, trigger: "subgraph", parentRunId, parentStepSeq }, { id: true });
  return { runId: child.id };
}

/**
 * A Sub-graph used as an agent's tool: one child run per call, found again by its key when the agent's step is
 * re-executed with the same call (the request's hash is part of the key, so a different call gets its own run).
 */
export async function createToolRun(db: TDb, options: { parentRunId: string; key: string; request: TChildRunRequest; trace?: TRunTrace }): Promise<{ runId: string }> {
  const { parentRunId, request } = options;
  const idempotencyKey = `tool:${options.key}:${createHash("sha256").update(toCanonicalJson(request)).digest("hex").slice(0, 16)}`;
  const existing = await db.run.findUnique({ where: { idempotencyKey }, select: { id: true } });
  if (existing) return { runId: existing.id };
  const data = await prepareChildRun(db, parentRunId, request);
  try {
    const child = await insertRun(db, { ...data, ...options.trace, trigger: "tool", parentRunId, idempotencyKey }, { id: true });
    return { runId: child.id };
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    return { runId: (await db.run.findUniqueOrThrow({ where: { idempotencyKey }, select: { id: true } })).id };
  }
}

export async function getRunResult(db: TDb, runId: string): Promise<TChildRunResult | undefined> {
  const run = await db.run.findUniqueOrThrow({ where: { id: runId }, select: { status: true, output: true, error: true } });
  return FINAL.has(run.status) ? { status: run.status as TChildRunResult["status"], output: run.output, error: run.error } : undefined;
}

/** The graph a child run executes, checked like any run: found in the parent's workspace, valid, plugins allowed. */
async function prepareChildRun(db: TDb, parentRunId: string, request: TChildRunRequest) {
  const parent = await db.run.findUniqueOrThrow({ where: { id: parentRunId }, select: { workspaceId: true, createdById: true, environmentId: true } });
  if ((await countAncestors(db, parentRunId)) >= MAX_NESTING) throw new NonRetriableError(`Sub-graphs nest deeper than ${MAX_NESTING} levels`);

  const graph = await db.graph.findFirst({
    where: { id: request.graphId, workspaceId: parent.workspaceId, deletedAt: null },
    select: { id: true, name: true, draft: true, currentVersion: { select: { id: true, spec: true } } },
  });
  if (!graph) throw new NonRetriableError(`Sub-graph: graph "${request.graphId}" was not found in this workspace`);
  const version =
    request.version === "draft"
      ? null
      : request.version === "latest"
        ? graph.currentVersion
        : await db.graphVersion.findUnique({ where: { graphId_number: { graphId: graph.id, number: request.version } }, select: { id: true, spec: true } });
  if (request.version !== "draft" && !version) throw new NonRetriableError(`Sub-graph: "${graph.name}" has no version ${request.version}`);
  const nodeTypes = await getWorkspaceNodeTypes(db, parent.workspaceId, version ? { graphVersionId: version.id } : null);
  const spec = version?.spec ?? graph.draft;
  checkPluginsAvailable(spec, nodeTypes);
  const validation = validateGraph(spec, nodeTypes.registry);
  if (!validation.ok) throw new NonRetriableError(`Sub-graph "${graph.name}" cannot run:\n${describeGraphProblems(validation.problems)}`);
  checkPluginUse(validation.spec, nodeTypes);
  return {
    workspaceId: parent.workspaceId,
    // A sub-graph runs in its parent's environment: its secrets resolve there too.
    environmentId: parent.environmentId,
    graphId: graph.id,
    graphVersionId: version?.id ?? null,
    spec: validation.spec as unknown as Prisma.InputJsonValue,
    input: request.input === undefined || request.input === null ? Prisma.JsonNull : (request.input as Prisma.InputJsonValue),
    createdById: parent.createdById,
  };
}

async function countAncestors(db: TDb, runId: string): Promise<number> {
  let depth = 0;
  const select = { parentRunId: true, parentStepSeq: true, trigger: true } as const;
  const isChild = (run: { parentRunId: string | null; parentStepSeq: number | null; trigger: string }) => run.parentStepSeq !== null || run.trigger === "tool";
  let current = await db.run.findUnique({ where: { id: runId }, select });
  while (current?.parentRunId && isChild(current) && depth <= MAX_NESTING) {
    depth++;
    current = await db.run.findUnique({ where: { id: current.parentRunId }, select });
  }
  return depth;
}

/** Inside the child's finishRun transaction: resolve the parent's wait and queue the parent. */
export async function resolveParentWait(tx: TTx, child: { parentRunId: string; parentStepSeq: number }, result: TChildRunResult): Promise<void> {
  const [parent] = await tx.$queryRaw<{ status: string; frontier: TFrontier | null }[]>`
    SELECT status, frontier FROM "Run" WHERE id = ${child.parentRunId} FOR UPDATE`;
  if (!parent?.frontier || parent.status !== "waiting") return;
  const frontier = resolveWaitOfStep(parent.frontier, child.parentStepSeq, { kind: "child-finished", ...result });
  if (!frontier) return;
  await tx.run.update({ where: { id: child.parentRunId }, data: { frontier: frontier as unknown as Prisma.InputJsonValue, status: "queued" } });
}
