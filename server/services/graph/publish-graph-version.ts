import { createHash } from "node:crypto";
import { describeGraphProblems, readGraphDocument, toCanonicalJson, validateGraph } from "@/lib/graph";
import { AppError } from "../../app-error";
import { toJsonColumn } from "../../db/json";
import type { TDb } from "../../db/client";
import { studioEvents } from "../../events/studio-events";
import { findPluginPins, isSamePinning } from "../../plugins/find-plugin-pins";
import { getWorkspaceNodeTypes } from "../../plugins/workspace-plugins";
import { syncGraphTriggers } from "../trigger/sync-graph-triggers";
import { findGraphOrThrow } from "./find-graph";
import { parseGraphSpecOrThrow } from "./parse-graph-spec";

/**
 * Freezes the current draft as the next immutable version, pinned to the plugin versions installed now
 * (find-plugin-pins.ts), and makes the graph's webhook and schedule triggers follow it.
 * Publishing an unchanged draft is refused. A draft with problems is published only with `acceptProblems`: its
 * triggers would fire runs that cannot start, so a person must have seen the list and confirmed.
 */
export async function publishGraphVersion(
  db: TDb,
  options: { workspaceId: string; graphId: string; actorId: string; message: string; draftRevision: number; acceptProblems?: boolean },
) {
  const { registry } = await getWorkspaceNodeTypes(db, options.workspaceId);
  const result = await db.$transaction(async (tx) => {
    const graph = await findGraphOrThrow(tx, options, {
      id: true,
      name: true,
      draft: true,
      draftRevision: true,
      currentVersion: { select: { number: true, spec: true, pluginPins: { select: { pluginKey: true, pluginId: true } } } },
    });
    if (graph.draftRevision !== options.draftRevision) {
      throw new AppError("CONFLICT", `The draft changed since you opened it (now revision ${graph.draftRevision}); reload before publishing`);
    }
    const spec = parseGraphSpecOrThrow(graph.draft);
    const validation = validateGraph(spec, registry);
    if (!validation.ok && !options.acceptProblems) {
      throw new AppError("CONFLICT", `The draft has ${validation.problems.length} problem(s); its triggers would follow a version that cannot run. Confirm to publish anyway:\n${describeGraphProblems(validation.problems)}`, {
        details: { problems: validation.problems },
      });
    }
    const hash = hashSpec(spec);
    const pins = await findPluginPins(tx, { workspaceId: options.workspaceId, spec });
    // Compared in the current format (a version stored in an older one is the same graph as its upgraded draft) and
    // with its plugin versions: publishing the same graph again adopts the plugin versions installed since.
    const current = graph.currentVersion;
    if (current && hashSpec(readGraphDocument(current.spec)) === hash && isSamePinning(current.pluginPins, pins)) {
      throw new AppError("CONFLICT", `Nothing to publish: the draft and its plugin versions are identical to version ${current.number}`);
    }
    const latest = await tx.graphVersion.aggregate({ where: { graphId: graph.id }, _max: { number: true } });
    const version = await tx.graphVersion.create({
      data: {
        graphId: graph.id,
        number: (latest._max.number ?? 0) + 1,
        spec: toJsonColumn(spec),
        hash,
        message: options.message,
        authorId: options.actorId,
      },
      select: { id: true, number: true, hash: true, message: true, createdAt: true },
    });
    await tx.graphVersionPluginPin.createMany({ data: pins.map((pin) => ({ ...pin, graphVersionId: version.id })) });
    await tx.graph.update({ where: { id: graph.id }, data: { currentVersionId: version.id } });
    // Triggers follow the published version, atomically with it: an invalid schedule refuses the publish.
    await syncGraphTriggers(tx, { workspaceId: options.workspaceId, graphId: graph.id, spec, now: new Date() });
    return { graph, version };
  });
  studioEvents.emit("graph.updated", {
    workspaceId: options.workspaceId,
    graphId: result.graph.id,
    change: "published",
    name: result.graph.name,
    draftRevision: result.graph.draftRevision,
    actorId: options.actorId,
  });
  return result.version;
}

function hashSpec(spec: unknown): string {
  return createHash("sha256").update(toCanonicalJson(spec)).digest("hex");
}
