import { describe, expect, it } from "vitest";
import { GRAPH_FORMAT } from "@/lib/graph";
import { createSimpleGraphSpec } from "../../../testing/simple-graph-spec";
import { createWorkspaceWithMembers } from "../../../testing/factories";
import { callerFor, rejectionOf } from "../../../testing/trpc-callers";



describe("graph router", () => {
  it("creates, lists, renames, saves, publishes and deletes a graph", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["editor"]);
    const api = callerFor(members.editor);
    const workspaceId = workspace.id;

    const created = await api.graph.create({ workspaceId, name: "  Support triage  ", spec: createSimpleGraphSpec() });
    expect(created.name).toBe("Support triage");
    expect((await api.graph.list({ workspaceId })).map((g) => g.name)).toEqual(["Support triage"]);

    await api.graph.rename({ workspaceId, graphId: created.id, name: "Triage" });
    const spec = createSimpleGraphSpec();
    spec.nodes[0]!.position = { x: 123, y: 456 };
    const saved = await api.graph.saveDraft({ workspaceId, graphId: created.id, spec, baseRevision: created.draftRevision });
    expect(saved.draftRevision).toBe(created.draftRevision + 1);

    const loaded = await api.graph.get({ workspaceId, graphId: created.id });
    expect(loaded.name).toBe("Triage");
    expect(loaded.draft.nodes[0]!.position).toEqual({ x: 123, y: 456 });

    const v1 = await api.graph.publishVersion({ workspaceId, graphId: created.id, draftRevision: saved.draftRevision, message: "first" });
    expect(v1.number).toBe(1);
    expect(v1.hash).toMatch(/^[0-9a-f]{64}$/);
    const unchanged = await rejectionOf(api.graph.publishVersion({ workspaceId, graphId: created.id, draftRevision: saved.draftRevision }));
    expect(unchanged.code).toBe("CONFLICT");
    expect(unchanged.message).toContain("identical to version 1");
    expect(await api.graph.listVersions({ workspaceId, graphId: created.id })).toMatchObject([{ number: 1, message: "first" }]);
    expect((await api.graph.getVersion({ workspaceId, graphId: created.id, number: 1 })).spec.nodes[0]!.position).toEqual({ x: 123, y: 456 });
    expect((await rejectionOf(api.graph.getVersion({ workspaceId, graphId: created.id, number: 9 }))).code).toBe("NOT_FOUND");

    await api.graph.delete({ workspaceId, graphId: created.id });
    expect(await api.graph.list({ workspaceId })).toEqual([]);
    expect((await rejectionOf(api.graph.get({ workspaceId, graphId: created.id }))).code).toBe("NOT_FOUND");
  });

  it("refuses a stale draft save with CONFLICT and keeps the newer draft", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["editor"]);
    const api = callerFor(members.editor);
    const workspaceId = workspace.id;
    const graph = await api.graph.create({ workspaceId, name: "Shared", spec: createSimpleGraphSpec() });

    const first = createSimpleGraphSpec();
    first.nodes[0]!.label = "Saved by tab one";
    await api.graph.saveDraft({ workspaceId, graphId: graph.id, spec: first, baseRevision: 1 });

    const second = createSimpleGraphSpec();
    second.nodes[0]!.label = "Saved by tab two";
    const conflict = await rejectionOf(api.graph.saveDraft({ workspaceId, graphId: graph.id, spec: second, baseRevision: 1 }));
    expect(conflict.code).toBe("CONFLICT");
    expect((await api.graph.get({ workspaceId, graphId: graph.id })).draft.nodes[0]!.label).toBe("Saved by tab one");
  });

  it("answers a foreign workspace's graph exactly like a missing one", async () => {
    const mine = await createWorkspaceWithMembers(["owner"]);
    const theirs = await createWorkspaceWithMembers(["owner"]);
    const theirGraph = await callerFor(theirs.members.owner).graph.create({ workspaceId: theirs.workspace.id, name: "Secret" });
    const api = callerFor(mine.members.owner);

    const foreign = await rejectionOf(api.graph.get({ workspaceId: mine.workspace.id, graphId: theirGraph.id }));
    const missing = await rejectionOf(api.graph.get({ workspaceId: mine.workspace.id, graphId: "does-not-exist" }));
    expect([foreign.code, foreign.message]).toEqual([missing.code, missing.message]);
    expect(foreign.code).toBe("NOT_FOUND");

    const otherWorkspace = await rejectionOf(api.graph.list({ workspaceId: theirs.workspace.id }));
    const noWorkspace = await rejectionOf(api.graph.list({ workspaceId: "no-such-workspace" }));
    expect([otherWorkspace.code, otherWorkspace.message]).toEqual([noWorkspace.code, noWorkspace.message]);

    const rename = await rejectionOf(api.graph.rename({ workspaceId: mine.workspace.id, graphId: theirGraph.id, name: "Mine now" }));
    expect(rename.code).toBe("NOT_FOUND");
    expect((await callerFor(theirs.members.owner).graph.get({ workspaceId: theirs.workspace.id, graphId: theirGraph.id })).name).toBe("Secret");
  });

  it("lets a viewer read but not create, rename, save or delete", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["editor", "viewer"]);
    const workspaceId = workspace.id;
    const graph = await callerFor(members.editor).graph.create({ workspaceId, name: "Read me" });
    const viewer = callerFor(members.viewer);

    expect((await viewer.graph.get({ workspaceId, graphId: graph.id })).name).toBe("Read me");
    const refused = [
      () => viewer.graph.create({ workspaceId, name: "Nope" }),
      () => viewer.graph.rename({ workspaceId, graphId: graph.id, name: "Nope" }),
      () => viewer.graph.saveDraft({ workspaceId, graphId: graph.id, spec: createSimpleGraphSpec(), baseRevision: 1 }),
      () => viewer.graph.delete({ workspaceId, graphId: graph.id }),
    ];
    for (const call of refused) expect((await rejectionOf(call())).code).toBe("FORBIDDEN");
    expect((await viewer.graph.list({ workspaceId })).map((g) => g.name)).toEqual(["Read me"]);
  });

  it("rejects invalid input with clear, located errors", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["editor"]);
    const api = callerFor(members.editor);
    const workspaceId = workspace.id;

    const longName = await rejectionOf(api.graph.create({ workspaceId, name: "x".repeat(10_000) }));
    expect(longName.code).toBe("BAD_REQUEST");

    const unknownField = await rejectionOf(api.graph.create({ workspaceId, name: "ok", extra: true } as never));
    expect(unknownField.code).toBe("BAD_REQUEST");

    const malformed = {
      format: GRAPH_FORMAT,
      nodes: [{ id: "a", type: "core/input", position: { x: 0, y: 0 } }],
      edges: [{ id: "e1", source: { node: "a", port: "out" }, target: { node: "ghost", port: "in" } }],
    };
    const dangling = await rejectionOf(api.graph.create({ workspaceId, name: "Broken", spec: malformed }));
    expect(dangling.code).toBe("BAD_REQUEST");
    expect(dangling.message).toContain('Edge "e1" ends at node "ghost"');
    expect(await api.graph.list({ workspaceId })).toEqual([]);

    const polluted = JSON.parse('{"format":"openclaw.graph/v1","nodes":[],"edges":[],"__proto__":{"admin":true}}');
    expect((await rejectionOf(api.graph.create({ workspaceId, name: "Polluted", spec: polluted }))).code).toBe("BAD_REQUEST");
  });

  it("refuses every procedure without a session", async () => {
    const api = callerFor(null);
    expect((await rejectionOf(api.workspace.list())).code).toBe("UNAUTHORIZED");
    expect((await rejectionOf(api.graph.list({ workspaceId: "any" }))).code).toBe("UNAUTHORIZED");
  });
});
