import { describe, expect, it } from "vitest";
import { buildSpec } from "../../../runtime/testing/build-spec";
import { createWorkspaceWithMembers } from "../../../testing/factories";
import { callerFor, rejectionOf } from "../../../testing/trpc-callers";
import { db } from "../../../db/client";

/** A webhook into a Branch that has no condition: a version that cannot run. */
const brokenHookSpec = buildSpec([{ id: "hook", type: "core/webhook" }, { id: "check", type: "core/branch", label: "Check" }], ["hook.out->check.in"]);

describe("publishing a draft with problems", () => {
  it("is refused with the list of problems, and published only when the user accepts them; the trigger follows then", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["editor"]);
    const api = callerFor(members.editor);
    const workspaceId = workspace.id;
    const graph = await api.graph.create({ workspaceId, name: "Broken hook", spec: brokenHookSpec });

    const refused = await rejectionOf(api.graph.publishVersion({ workspaceId, graphId: graph.id, draftRevision: graph.draftRevision }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toContain("problem");
    expect(refused.message).toContain("Check");
    expect(await api.graph.listVersions({ workspaceId, graphId: graph.id })).toEqual([]);
    expect(await db().trigger.count({ where: { graphId: graph.id } })).toBe(0);

    const version = await api.graph.publishVersion({ workspaceId, graphId: graph.id, draftRevision: graph.draftRevision, acceptProblems: true });
    expect(version.number).toBe(1);
    expect(await db().trigger.count({ where: { graphId: graph.id } })).toBe(1);
  });
});
