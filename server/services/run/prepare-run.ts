import { describeGraphProblems, findEntryNodes, getNodeName, validateGraph, validateJsonValue, type TGraphNode, type TGraphSpec, type TJsonSchema, type TNodeTypeRegistry } from "@/lib/graph";
import { AppError, notFound } from "../../app-error";
import type { TDbOrTx } from "../../db/client";
import type { TNewRun } from "../../db/insert-run";
import { toJsonColumn } from "../../db/json";
import { Prisma } from "../../db/generated/client";
import { checkPluginsAvailable, checkPluginUse } from "../../plugins/check-plugin-use";
import { getWorkspaceNodeTypes, type TWorkspaceNodeTypes } from "../../plugins/workspace-plugins";
import { findGraphOrThrow } from "../graph/find-graph";
import { isExternalNodeType } from "../openclaw/external-node-types";

const MAX_INPUT_BYTES = 1024 * 1024;

export type TRunSource = { kind: "draft" } | { kind: "version"; number: number | "latest" };

/**
 * Everything a new Run row needs except who or what started it: a published version (`number`, or "latest") or the
 * current draft, validated against the workspace's node types and snapshotted, and the input checked against the Input
 * node's schema. Shared by run.start and the triggers, so a webhook or a schedule can start only what a person could.
 */
/**
 * `startNodeId`: the Input or trigger node the run starts at (a trigger gives its own node, a person picks one); only
 * that node starts, so only its schema applies to the input. Without one, the graph's only entry node is it.
 */
export async function prepareRun(db: TDbOrTx, options: { workspaceId: string; graphId: string; source: TRunSource; input: unknown; startNodeId?: string }) {
  // Only the spec that runs is read: a webhook delivery of a big graph would parse its draft (or, routed to a
  // deployment's version, the latest one's spec) for nothing.
  const { source } = options;
  const isLatest = source.kind === "version" && source.number === "latest";
  const graph = await findGraphOrThrow(db, options, { id: true, draft: source.kind === "draft", currentVersion: { select: { id: true, number: true, spec: isLatest } } });
  const { spec, versionId } = await resolveSpec(db, graph, options.source);

  // A published version is checked in the plugin versions it pinned, the ones the runtime will load for it.
  const nodeTypes = await getWorkspaceNodeTypes(db, options.workspaceId, versionId ? { graphVersionId: versionId } : null);
  const { spec: validSpec, startNode } = checkRunnableSpec(spec, nodeTypes, options.startNodeId);
  const input = checkRunInput(startNode, options.input);
  return {
    workspaceId: options.workspaceId,
    graphId: graph.id,
    graphVersionId: versionId,
    spec: toJsonColumn(validSpec),
    input: input === null ? Prisma.JsonNull : (input as Prisma.InputJsonValue),
    startNodeId: startNode?.id ?? null,
  } satisfies Omit<TNewRun, "trigger">;
}

async function resolveSpec(
  db: TDbOrTx,
  graph: { id: string; draft?: unknown; currentVersion: { id: string; number: number; spec?: unknown } | null },
  source: TRunSource,
): Promise<{ spec: unknown; versionId: string | null }> {
  if (source.kind === "draft") return { spec: graph.draft, versionId: null };
  if (source.number === "latest") {
    if (!graph.currentVersion) throw new AppError("BAD_REQUEST", "The graph has no published version yet; run the draft or publish first");
    return { spec: graph.currentVersion.spec, versionId: graph.currentVersion.id };
  }
  const version = await db.graphVersion.findUnique({ where: { graphId_number: { graphId: graph.id, number: source.number } }, select: { id: true, spec: true } });
  if (!version) throw notFound(`Version ${source.number}`);
  return { spec: version.spec, versionId: version.id };
}

/**
 * What a run of `spec` needs of it, without reading anything: no imported OpenClaw type, every plugin it uses
 * available, a valid graph in these node types, and the node it starts at. Returns the validated spec to snapshot.
 */
export function checkRunnableSpec(spec: unknown, nodeTypes: TWorkspaceNodeTypes, startNodeId: string | undefined): { spec: TGraphSpec; startNode: TGraphNode | undefined } {
  const external = (spec as { nodes?: { type?: unknown; label?: unknown; id?: unknown }[] }).nodes?.find((node) => typeof node.type === "string" && isExternalNodeType(node.type));
  if (external) {
    throw new AppError("BAD_REQUEST", `Node "${String(external.label || external.id)}" is an imported OpenClaw type (${String(external.type)}): it can be drawn here but not run`);
  }
  checkPluginsAvailable(spec, nodeTypes);
  const validation = validateGraph(spec, nodeTypes.registry);
  if (!validation.ok) {
    throw new AppError("BAD_REQUEST", `The graph cannot run:\n${describeGraphProblems(validation.problems)}`, { details: { problems: validation.problems } });
  }
  checkPluginUse(validation.spec, nodeTypes);
  return { spec: validation.spec, startNode: pickStartNode(validation.spec, nodeTypes.registry, startNodeId) };
}

/** The run input as the start node takes it: `{}` when none is given, at most 1 MB, valid against an Input node's schema. */
export function checkRunInput(startNode: TGraphNode | undefined, given: unknown): unknown {
  const input = given ?? {};
  if (JSON.stringify(input).length > MAX_INPUT_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", `The run input is larger than ${MAX_INPUT_BYTES} bytes`);
  if (startNode) checkInputSchema(startNode, input);
  return input;
}

/** A run starts at one entry node: the one asked for, or the only one; several and none asked for is the caller's to fix. */
function pickStartNode(spec: TGraphSpec, registry: TNodeTypeRegistry, startNodeId: string | undefined): TGraphNode | undefined {
  const entries = findEntryNodes(spec, registry);
  const names = entries.map((node) => `"${getNodeName(node)}" (${node.id})`).join(", ");
  if (startNodeId) {
    const picked = entries.find((node) => node.id === startNodeId);
    if (!picked) throw new AppError("BAD_REQUEST", `Node "${startNodeId}" cannot start a run of this graph; its Input and trigger nodes are: ${names || "none"}`);
    return picked;
  }
  if (entries.length > 1) throw new AppError("BAD_REQUEST", `The graph has ${entries.length} Input and trigger nodes: ${names}. Choose the one to start at (startNodeId).`);
  return entries[0];
}

function checkInputSchema(node: TGraphNode, input: unknown): void {
  const schema = node.type === "core/input" ? (node.config.schema as TJsonSchema | undefined) : undefined;
  if (!schema) return;
  const errors = validateJsonValue(schema, input);
  if (errors.length > 0) {
    const lines = errors.slice(0, 10).map((error) => (error.path.length > 0 ? `${error.path.join(".")}: ${error.message}` : error.message));
    throw new AppError("BAD_REQUEST", `The run input does not match the Input node "${getNodeName(node)}":\n${lines.join("\n")}`, { details: { inputErrors: errors } });
  }
}
