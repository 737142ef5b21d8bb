import { describe, expect, it } from "vitest";
import { createWorkspaceWithMembers } from "../../../testing/factories";
import { callerFor, rejectionOf } from "../../../testing/trpc-callers";

async function createTaggedWorkspace() {
  const { workspace, members } = await createWorkspaceWithMembers(["owner", "editor", "viewer"]);
  const workspaceId = workspace.id;
  const editor = callerFor(members.editor);
  const create = (name: string) => editor.graph.create({ workspaceId, name });
  const graphs = { triage: await create("Triage"), billing: await create("Billing"), refunds: await create("Refunds") };
  return { workspaceId, members, editor, graphs };
}

describe("graph tags", () => {
  it("tags a graph in lowercase, once, up to the cap, and refuses what is not one short word", async () => {
    const { workspaceId, editor, graphs } = await createTaggedWorkspace();
    const graphId = graphs.triage.id;

    expect(await editor.graph.addTag({ workspaceId, graphId, tag: "  Support " })).toEqual({ tags: ["support"] });
    expect(await editor.graph.addTag({ workspaceId, graphId, tag: "SUPPORT" })).toEqual({ tags: ["support"] });
    for (const word of ["two words", "prod!", "-x", "", "x".repeat(25)]) {
      expect((await rejectionOf(editor.graph.addTag({ workspaceId, graphId, tag: word }))).code).toBe("BAD_REQUEST");
    }
    await Promise.all(["a", "b", "c", "d", "e", "f", "g", "h", "i"].map((tag) => editor.graph.addTag({ workspaceId, graphId, tag }).catch(() => null)));
    const { tags } = (await editor.graph.list({ workspaceId })).find((graph) => graph.id === graphId)!;
    expect(tags).toHaveLength(8);
    const full = await rejectionOf(editor.graph.addTag({ workspaceId, graphId, tag: "one-more" }));
    expect([full.code, full.message]).toEqual(["BAD_REQUEST", "A graph has at most 8 tags: remove one first"]);

    expect((await editor.graph.removeTag({ workspaceId, graphId, tag: "Support" })).tags).not.toContain("support");
    expect((await editor.graph.addTag({ workspaceId, graphId, tag: "one-more" })).tags).toContain("one-more");
  });

  it("filters the list by every tag asked for and offers the workspace's tags, most used first", async () => {
    const { workspaceId, editor, graphs } = await createTaggedWorkspace();
    await editor.graph.addTag({ workspaceId, graphId: graphs.triage.id, tag: "support" });
    await editor.graph.addTag({ workspaceId, graphId: graphs.billing.id, tag: "support" });
    await editor.graph.addTag({ workspaceId, graphId: graphs.billing.id, tag: "money" });
    await editor.graph.addTag({ workspaceId, graphId: graphs.refunds.id, tag: "money" });
    await editor.graph.addTag({ workspaceId, graphId: graphs.refunds.id, tag: "beta" });
    const names = async (tags?: string[]) => (await editor.graph.list({ workspaceId, tags })).map((graph) => graph.name).sort();

    expect(await names(["support"])).toEqual(["Billing", "Triage"]);
    expect(await names(["support", "money"])).toEqual(["Billing"]);
    expect(await names(["MONEY"])).toEqual(["Billing", "Refunds"]);
    expect(await names(["nothing-has-this"])).toEqual([]);
    expect(await names()).toEqual(["Billing", "Refunds", "Triage"]);
    expect(await editor.graph.listTags({ workspaceId })).toEqual([
      { tag: "money", graphCount: 2 },
      { tag: "support", graphCount: 2 },
      { tag: "beta", graphCount: 1 },
    ]);
    await editor.graph.delete({ workspaceId, graphId: graphs.refunds.id });
    expect(await editor.graph.listTags({ workspaceId })).toEqual([
      { tag: "support", graphCount: 2 },
      { tag: "money", graphCount: 1 },
    ]);
  });

  it("keeps a restricted graph's tags from those who cannot see it, lets only editors tag, and audits each change", async () => {
    const { workspaceId, members, editor, graphs } = await createTaggedWorkspace();
    const owner = callerFor(members.owner);
    const viewer = callerFor(members.viewer);
    await editor.graph.addTag({ workspaceId, graphId: graphs.triage.id, tag: "support" });
    await editor.graph.addTag({ workspaceId, graphId: graphs.billing.id, tag: "secret-project" });
    await owner.graph.setAccess({ workspaceId, graphId: graphs.billing.id, isRestricted: true, allowedUserIds: [members.editor.id] });

    expect(await viewer.graph.listTags({ workspaceId })).toEqual([{ tag: "support", graphCount: 1 }]);
    expect(await viewer.graph.list({ workspaceId, tags: ["secret-project"] })).toEqual([]);
    expect((await editor.graph.list({ workspaceId, tags: ["secret-project"] })).map((graph) => graph.name)).toEqual(["Billing"]);
    expect((await rejectionOf(viewer.graph.addTag({ workspaceId, graphId: graphs.triage.id, tag: "mine" }))).code).toBe("FORBIDDEN");

    const { members: outsiders } = await createWorkspaceWithMembers(["editor"]);
    await owner.member.changeRole({ workspaceId, userId: members.viewer.id, role: "editor" });
    const hidden = await rejectionOf(viewer.graph.addTag({ workspaceId, graphId: graphs.billing.id, tag: "found-you" }));
    const missing = await rejectionOf(viewer.graph.addTag({ workspaceId, graphId: "no-such-graph", tag: "found-you" }));
    expect([hidden.code, hidden.message]).toEqual([missing.code, missing.message]);
    expect((await rejectionOf(callerFor(outsiders.editor).graph.removeTag({ workspaceId, graphId: graphs.triage.id, tag: "support" }))).code).toBe("NOT_FOUND");

    const audit = await owner.audit.list({ workspaceId, action: "graph.", target: graphs.triage.id });
    expect(audit.items.map((event) => [event.action, event.actorLabel, event.outcome, event.summary])).toEqual([
      ["graph.removeTag", outsiders.editor.email, "NOT_FOUND", { input: { workspaceId, graphId: graphs.triage.id, tag: "support" } }],
      ["graph.addTag", members.viewer.email, "FORBIDDEN", { input: { workspaceId, graphId: graphs.triage.id, tag: "mine" } }],
      [
        "graph.addTag",
        members.editor.email,
        "ok",
        { input: { workspaceId, graphId: graphs.triage.id, tag: "support" }, before: { tags: [] }, after: { tags: ["support"] } },
      ],
    ]);
  });
});
