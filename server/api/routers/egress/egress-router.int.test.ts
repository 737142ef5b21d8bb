import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { getWorkspaceAllowlist } from "../../../services/egress/get-workspace-allowlist";
import { createWorkspaceWithMembers } from "../../../testing/factories";
import { callerFor, rejectionOf } from "../../../testing/trpc-callers";

// Not mounted in root.ts yet, so the test mounts the router on its own app router, with the real context and ladder.



describe("egress router", () => {
  it("lets an admin add, list and remove rules, stored in canonical form", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["admin"]);
    const api = callerFor(members.admin);
    const workspaceId = workspace.id;

    const added = await api.egress.add({ workspaceId, host: "  API.Example.COM. " });
    expect(added).toMatchObject({ host: "api.example.com", createdById: members.admin.id });
    await api.egress.add({ workspaceId, host: "127.1:4010" });
    await api.egress.add({ workspaceId, host: "*.example.org" });
    expect((await api.egress.list({ workspaceId })).map((rule) => rule.host)).toEqual(["*.example.org", "127.0.0.1:4010", "api.example.com"]);
    expect((await getWorkspaceAllowlist(db(), { workspaceId })).sort()).toEqual(["*.example.org", "127.0.0.1:4010", "api.example.com"]);

    const duplicate = await rejectionOf(api.egress.add({ workspaceId, host: "api.example.com." }));
    expect([duplicate.code, duplicate.message]).toEqual(["CONFLICT", "api.example.com is already on the egress allowlist"]);

    expect(await api.egress.remove({ workspaceId, ruleId: added.id })).toEqual({ id: added.id });
    expect((await api.egress.list({ workspaceId })).map((rule) => rule.host)).toEqual(["*.example.org", "127.0.0.1:4010"]);
    expect((await rejectionOf(api.egress.remove({ workspaceId, ruleId: added.id }))).code).toBe("NOT_FOUND");
  });

  it("refuses metadata endpoints and malformed entries with a clear message", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
    const api = callerFor(members.owner);
    const workspaceId = workspace.id;
    const cases: [string, string][] = [
      ["169.254.169.254", "169.254.169.254 is a cloud metadata endpoint and can never be allowed"],
      ["metadata.google.internal", "metadata.google.internal is a cloud metadata endpoint and can never be allowed"],
      ["https://api.example.com/v1", 'Enter a host, not a URL: drop "https://"'],
      ["api.example.com/v1", "Enter only a host and an optional port, without path, query, credentials or spaces"],
      ["::1", "Put an IPv6 address in brackets, like [2001:db8::1] or [2001:db8::1]:8080"],
    ];
    for (const [host, message] of cases) {
      const refused = await rejectionOf(api.egress.add({ workspaceId, host }));
      expect([refused.code, refused.message]).toEqual(["BAD_REQUEST", message]);
    }
    const extra = await rejectionOf(api.egress.add({ workspaceId, host: "a.example.com", port: 1 } as never));
    expect(extra.code).toBe("BAD_REQUEST");
    expect(await api.egress.list({ workspaceId })).toEqual([]);
  });

  it("is admin-only: editors and viewers get FORBIDDEN, even for list", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["admin", "editor", "viewer"]);
    const workspaceId = workspace.id;
    const rule = await callerFor(members.admin).egress.add({ workspaceId, host: "api.example.com" });
    for (const user of [members.editor, members.viewer]) {
      const api = callerFor(user);
      const refused = [
        () => api.egress.list({ workspaceId }),
        () => api.egress.add({ workspaceId, host: "evil.example.com" }),
        () => api.egress.remove({ workspaceId, ruleId: rule.id }),
      ];
      for (const call of refused) expect((await rejectionOf(call())).code).toBe("FORBIDDEN");
    }
    expect((await callerFor(members.admin).egress.list({ workspaceId })).map((r) => r.host)).toEqual(["api.example.com"]);
  });

  it("answers a foreign workspace and a foreign rule exactly like missing ones", async () => {
    const mine = await createWorkspaceWithMembers(["admin"]);
    const theirs = await createWorkspaceWithMembers(["admin"]);
    const theirRule = await callerFor(theirs.members.admin).egress.add({ workspaceId: theirs.workspace.id, host: "their.example.com" });
    const api = callerFor(mine.members.admin);

    const otherWorkspace = await rejectionOf(api.egress.list({ workspaceId: theirs.workspace.id }));
    const noWorkspace = await rejectionOf(api.egress.list({ workspaceId: "no-such-workspace" }));
    expect([otherWorkspace.code, otherWorkspace.message]).toEqual([noWorkspace.code, noWorkspace.message]);
    expect(otherWorkspace.code).toBe("NOT_FOUND");
    expect((await rejectionOf(api.egress.add({ workspaceId: theirs.workspace.id, host: "x.example.com" }))).code).toBe("NOT_FOUND");

    const foreignRule = await rejectionOf(api.egress.remove({ workspaceId: mine.workspace.id, ruleId: theirRule.id }));
    const missingRule = await rejectionOf(api.egress.remove({ workspaceId: mine.workspace.id, ruleId: "does-not-exist" }));
    expect([foreignRule.code, foreignRule.message]).toEqual([missingRule.code, missingRule.message]);
    expect(foreignRule.code).toBe("NOT_FOUND");
    expect(await getWorkspaceAllowlist(db(), { workspaceId: theirs.workspace.id })).toEqual(["their.example.com"]);
  });

  it("refuses without a session", async () => {
    expect((await rejectionOf(callerFor(null).egress.list({ workspaceId: "any" }))).code).toBe("UNAUTHORIZED");
  });
});
