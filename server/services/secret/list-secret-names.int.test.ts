import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { setMasterKey } from "../../secrets/master-key";
import { createWorkspaceWithMembers } from "../../testing/factories";
import { callerFor, rejectionOf } from "../../testing/trpc-callers";

beforeAll(() => setMasterKey(randomBytes(32)));

describe("secret.listNames", () => {
  it("gives an editor the workspace's secret names, in order, and nothing else about them", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["admin", "editor"]);
    const workspaceId = workspace.id;
    const canary = `sk-CANARY-${randomUUID()}`;
    await callerFor(members.admin).secret.create({ workspaceId, name: "OPENAI_API_KEY", value: canary });
    await callerFor(members.admin).secret.create({ workspaceId, name: "ANTHROPIC_API_KEY", value: "another-long-value" });

    const names = await callerFor(members.editor).secret.listNames({ workspaceId });

    expect(names).toEqual(["ANTHROPIC_API_KEY", "OPENAI_API_KEY"]);
    expect(JSON.stringify(names)).not.toContain(canary.slice(-4));
    // The full list with masks stays with those who manage secrets.
    expect((await rejectionOf(callerFor(members.editor).secret.list({ workspaceId }))).code).toBe("FORBIDDEN");
  });

  it("is refused to viewers and operators, who configure no node, and to other workspaces' members", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["viewer", "operator"]);
    const other = await createWorkspaceWithMembers(["owner"]);
    for (const member of [members.viewer, members.operator]) {
      expect((await rejectionOf(callerFor(member).secret.listNames({ workspaceId: workspace.id }))).code).toBe("FORBIDDEN");
    }
    expect((await rejectionOf(callerFor(other.members.owner).secret.listNames({ workspaceId: workspace.id }))).code).toBe("NOT_FOUND");
  });
});
