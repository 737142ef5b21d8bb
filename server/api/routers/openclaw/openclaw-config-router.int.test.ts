import JSON5 from "json5";
import { describe, expect, it } from "vitest";
import { parseOpenClawConfig } from "@/lib/openclaw-config";
import { db } from "../../../db/client";
import { createWorkspaceWithMembers } from "../../../testing/factories";
import { readFixtureFolder } from "../../../testing/openclaw-config-fixtures";
import { callerFor, rejectionOf } from "../../../testing/trpc-callers";
import { useTrpcHttpServer } from "../../../testing/trpc-http-server";

const teamSetup = readFixtureFolder("team-setup");
const upload = Object.entries(teamSetup.files).map(([path, content]) => ({ path, content }));
const parsedTeamSetup = (() => {
  const parsed = parseOpenClawConfig(teamSetup);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value.config;
})();

const http = useTrpcHttpServer();

describe("openClaw.importConfig / exportConfig", () => {
  it("imports an openclaw.json split with $include into a graph of agents, and exports the same config and workspace files", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["editor", "viewer"]);
    const workspaceId = workspace.id;
    const imported = await callerFor(members.editor).openClaw.importConfig({ workspaceId, name: "Support gateway", entry: "openclaw.json", files: upload });
    expect(imported).toMatchObject({ name: "Support gateway", agents: 3, bindings: 3, unknownKeys: ["studioExperiment", "agents.list.1.mood"] });

    const graph = await callerFor(members.viewer).graph.get({ workspaceId, graphId: imported.graphId });
    expect(graph.draft.nodes.filter((node) => node.type === "openclaw-config/agent").map((node) => node.label)).toEqual(["🧭 Tria (triage)", "billing", "tech"]);

    const exported = await callerFor(members.viewer).openClaw.exportConfig({ workspaceId, graphId: imported.graphId });
    expect(JSON5.parse(exported.openclawJson)).toEqual(parsedTeamSetup);
    expect(exported.files).toEqual([
      { path: "AGENTS.md", content: teamSetup.files["AGENTS.md"] },
      { path: "workspace-support/SOUL.md", content: teamSetup.files["workspace-support/SOUL.md"] },
    ]);

    const palette = await callerFor(members.viewer).nodeType.list({ workspaceId });
    expect(palette.find((type) => type.type === "openclaw-config/agent")).toMatchObject({ isExternal: true, isRunnable: false, title: "OpenClaw agent" });
    const refused = await rejectionOf(callerFor(members.editor).run.start({ workspaceId, graphId: imported.graphId, version: "draft", input: {} }));
    expect(refused.message).toContain("is an imported OpenClaw type (openclaw-config/");
  });

  it("refuses a viewer's import, a foreign workspace's import and export, and names the file and line of a malformed config", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["editor", "viewer"]);
    const other = await createWorkspaceWithMembers(["owner"]);
    const workspaceId = workspace.id;
    const graphsBefore = await db().graph.count({ where: { workspaceId } });

    const asViewer = await rejectionOf(callerFor(members.viewer).openClaw.importConfig({ workspaceId, name: "Nope", entry: "openclaw.json", files: upload }));
    expect(asViewer.code).toBe("FORBIDDEN");
    const intoForeign = await rejectionOf(callerFor(other.members.owner).openClaw.importConfig({ workspaceId, name: "Nope", entry: "openclaw.json", files: upload }));
    expect(intoForeign.code).toBe("NOT_FOUND");
    const malformed = await rejectionOf(
      callerFor(members.editor).openClaw.importConfig({ workspaceId, name: "Broken", entry: "openclaw.json", files: [{ path: "openclaw.json", content: "{\n  agents: {\n    entries: { main: { model: } },\n  },\n}" }] }),
    );
    expect(malformed).toMatchObject({ code: "BAD_REQUEST", message: "openclaw.json:3:31: invalid character '}'" });
    expect(await db().graph.count({ where: { workspaceId } })).toBe(graphsBefore);

    const mine = await callerFor(members.editor).openClaw.importConfig({ workspaceId, name: "Mine", entry: "openclaw.json", files: upload });
    expect((await rejectionOf(callerFor(other.members.owner).openClaw.exportConfig({ workspaceId, graphId: mine.graphId }))).code).toBe("NOT_FOUND");
    expect((await rejectionOf(callerFor(other.members.owner).openClaw.exportConfig({ workspaceId: other.workspace.id, graphId: mine.graphId }))).code).toBe("NOT_FOUND");
  });

  it("works with an editor's API key over HTTP, which learns its workspace from apiKey.whoami; a viewer's key cannot import", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
    const editorKey = (await callerFor(members.owner).apiKey.create({ workspaceId: workspace.id, name: "cli", role: "editor" })).key;
    const viewerKey = (await callerFor(members.owner).apiKey.create({ workspaceId: workspace.id, name: "reader", role: "viewer" })).key;
    const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

    const whoami = await http.call("query", "apiKey.whoami", undefined, bearer(editorKey));
    expect(whoami.data).toMatchObject({ workspace: { id: workspace.id, slug: workspace.slug }, role: "editor" });
    expect((await rejectionOf(callerFor(members.owner).apiKey.whoami())).code).toBe("FORBIDDEN");

    const input = { workspaceId: workspace.id, name: "Over HTTP", entry: "openclaw.json", files: upload };
    const imported = await http.call("mutation", "openClaw.importConfig", input, bearer(editorKey));
    expect(imported.data).toMatchObject({ agents: 3, bindings: 3 });
    expect((await http.call("mutation", "openClaw.importConfig", input, bearer(viewerKey))).error?.code).toBe("FORBIDDEN");
    const exported = await http.call("query", "openClaw.exportConfig", { workspaceId: workspace.id, graphId: (imported.data as { graphId: string }).graphId }, bearer(viewerKey));
    expect(JSON5.parse((exported.data as { openclawJson: string }).openclawJson)).toEqual(parsedTeamSetup);
  });
});
