// Graphs stored before the format carried version 2 (drafts, published versions, run snapshots written by an older
// studio) load, run and save in the current format; a newer format is refused naming its version.
import { describe, expect, it } from "vitest";
import { GRAPH_FORMAT } from "@/lib/graph";
import groups from "@/lib/graph/format/fixtures/v1-groups.json";
import minimal from "@/lib/graph/format/fixtures/v1-minimal.json";
import { db } from "../../db/client";
import { createSimpleGraphSpec } from "../../testing/simple-graph-spec";
import { createWorkspaceWithMembers } from "../../testing/factories";
import { startWorkspaceRuntime } from "../../testing/start-workspace-runtime";
import { callerFor, rejectionOf } from "../../testing/trpc-callers";
import { waitForRunEnd } from "../../testing/wait-for-run-end";

describe("graph format versions", () => {
  it("reads a v1 draft and version from the database, runs them, and saves and publishes in the current format", async () => {
    const studio = startWorkspaceRuntime();
    try {
      const { workspace, members } = await createWorkspaceWithMembers(["editor"]);
      const api = callerFor(members.editor);
      const workspaceId = workspace.id;
      const graph = await api.graph.create({ workspaceId, name: "Old graph", spec: createSimpleGraphSpec() });
      // What an older studio left behind: a v1 draft, and a published v1 version the graph's runs follow.
      const oldVersion = await db().graphVersion.create({ data: { graphId: graph.id, number: 1, spec: groups, hash: "v1-era-hash" } });
      await db().graph.update({ where: { id: graph.id }, data: { draft: minimal, currentVersionId: oldVersion.id } });

      const loaded = await api.graph.get({ workspaceId, graphId: graph.id });
      expect(loaded.draft.format).toBe(GRAPH_FORMAT);
      expect(loaded.draft.nodes.map((node) => [node.id, node.label, node.typeVersion])).toEqual([["in", "", 1], ["shout", "", 1], ["out", "Result", 1]]);
      expect((await api.graph.getVersion({ workspaceId, graphId: graph.id, number: 1 })).spec).toMatchObject({ format: GRAPH_FORMAT, nodes: groups.nodes });

      const versionRun = await api.run.start({ workspaceId, graphId: graph.id, version: 1, input: "why?" });
      expect(await waitForRunEnd(versionRun.id)).toMatchObject({ status: "succeeded", output: { out: "Q: why?" } });
      const draftRun = await api.run.start({ workspaceId, graphId: graph.id, version: "draft", input: "hello" });
      expect(await waitForRunEnd(draftRun.id)).toMatchObject({ status: "succeeded", output: { out: "hello!" } });

      const saved = await api.graph.saveDraft({ workspaceId, graphId: graph.id, spec: loaded.draft, baseRevision: loaded.draftRevision });
      const stored = await db().graph.findUniqueOrThrow({ where: { id: graph.id }, select: { draft: true } });
      expect(stored.draft).toMatchObject({ format: GRAPH_FORMAT, settings: {} });
      const published = await api.graph.publishVersion({ workspaceId, graphId: graph.id, draftRevision: saved.draftRevision, message: "resaved" });
      const version = await db().graphVersion.findUniqueOrThrow({ where: { id: published.id }, select: { spec: true } });
      expect(version.spec).toMatchObject({ format: GRAPH_FORMAT });
    } finally {
      await studio.stop();
    }
  });

  it("runs a run whose snapshot an older studio queued in v1", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["editor"]);
    const api = callerFor(members.editor);
    const graph = await api.graph.create({ workspaceId: workspace.id, name: "Queued before the upgrade", spec: minimal });
    // Queued while no runtime runs, its snapshot written back in v1: the runtime that claims it reads the old format.
    const run = await api.run.start({ workspaceId: workspace.id, graphId: graph.id, version: "draft", input: "queued" });
    await db().run.update({ where: { id: run.id }, data: { spec: minimal } });
    const studio = startWorkspaceRuntime();
    try {
      expect(await waitForRunEnd(run.id)).toMatchObject({ status: "succeeded", output: { out: "queued!" } });
    } finally {
      await studio.stop();
    }
  });

  it("refuses a graph in a newer format, naming the version, on create and on save", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["editor"]);
    const api = callerFor(members.editor);
    const future = { ...minimal, format: "openclaw.graph/v7" };
    const refused = await rejectionOf(api.graph.create({ workspaceId: workspace.id, name: "From the future", spec: future }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toContain("format openclaw.graph/v7, newer than this studio reads (openclaw.graph/v2 at most)");
    const graph = await api.graph.create({ workspaceId: workspace.id, name: "Today", spec: createSimpleGraphSpec() });
    const save = await rejectionOf(api.graph.saveDraft({ workspaceId: workspace.id, graphId: graph.id, spec: future, baseRevision: graph.draftRevision }));
    expect(save.message).toContain("openclaw.graph/v7");
  });
});
