// Test support: graphs with trigger nodes, published through the real API (publish is what activates triggers).
import type { TGraphSpec } from "@/lib/graph";
import { buildSpec } from "../../runtime/testing/build-spec";
import type { callerFor } from "../../testing/trpc-callers";

type TApi = ReturnType<typeof callerFor>;

/** webhook -> output `received`, optionally with a schedule -> output `ticked` beside it. */
export function createTriggerGraphSpec(options: { outputName?: string; cron?: string; timezone?: string } = {}): TGraphSpec {
  const schedule = options.cron === undefined ? [] : [
    { id: "tick", type: "core/schedule", label: "Every so often", config: { cron: options.cron, ...(options.timezone ? { timezone: options.timezone } : {}) } },
    { id: "ticked", type: "core/output", config: { name: "ticked" } },
  ];
  return buildSpec(
    [{ id: "hook", type: "core/webhook", label: "Incoming" }, { id: "received", type: "core/output", config: { name: options.outputName ?? "received" } }, ...schedule],
    ["hook.out->received.in", ...(schedule.length > 0 ? ["tick.out->ticked.in"] : [])],
  );
}

/** Saves `spec` as the draft and publishes it (accepting its problems when told to); returns the new version. */
export async function publishSpec(api: TApi, workspaceId: string, graphId: string, spec: TGraphSpec, options: { acceptProblems?: boolean } = {}) {
  const graph = await api.graph.get({ workspaceId, graphId });
  const saved = await api.graph.saveDraft({ workspaceId, graphId, spec, baseRevision: graph.draftRevision });
  return api.graph.publishVersion({ workspaceId, graphId, draftRevision: saved.draftRevision, acceptProblems: options.acceptProblems });
}

export async function createPublishedGraph(api: TApi, workspaceId: string, spec: TGraphSpec) {
  const graph = await api.graph.create({ workspaceId, name: "Triggered", spec });
  const version = await api.graph.publishVersion({ workspaceId, graphId: graph.id, draftRevision: graph.draftRevision });
  return { graphId: graph.id, version };
}
