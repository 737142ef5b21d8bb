// The command line as a user runs it: a child process talking to a real studio HTTP handler with an API key.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import JSON5 from "json5";
import { describe, expect, it } from "vitest";
import { parseOpenClawConfig } from "@/lib/openclaw-config";
import { db } from "../db/client";
import { createWorkspaceWithMembers } from "../testing/factories";
import { OPENCLAW_FIXTURES_DIR, readFixtureFolder } from "../testing/openclaw-config-fixtures";
import { callerFor } from "../testing/trpc-callers";
import { useTrpcHttpServer } from "../testing/trpc-http-server";

const http = useTrpcHttpServer();

type TCliResult = { code: number; stdout: string; stderr: string };

async function runCli(args: string[], apiKey: string): Promise<TCliResult> {
  const studioUrl = http.base.replace(/\/api\/trpc$/, "");
  return promisify(execFile)("npx", ["tsx", "server/openclaw-cli/cli.ts", ...args], { env: { ...process.env, STUDIO_URL: studioUrl, STUDIO_API_KEY: apiKey } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: TCliResult) => error,
  );
}

describe("npm run openclaw", () => {
  it("imports a config folder ($include files and workspace Markdown) and exports it back, as an editor's key", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
    const { key } = await callerFor(members.owner).apiKey.create({ workspaceId: workspace.id, name: "cli", role: "editor" });

    const imported = await runCli(["import", path.join(OPENCLAW_FIXTURES_DIR, "team-setup/openclaw.json"), "--workspace", workspace.slug, "--name", "Support"], key);
    expect(imported.stderr).toBe("");
    const lines = imported.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const summary = JSON.parse(lines[0]!) as { graphId: string };
    expect(summary).toEqual({ graphId: expect.any(String), agents: 3, bindings: 3, unknownKeys: ["studioExperiment", "agents.list.1.mood"] });
    const graph = await db().graph.findUniqueOrThrow({ where: { id: summary.graphId }, select: { name: true, workspaceId: true } });
    expect(graph).toEqual({ name: "Support", workspaceId: workspace.id });

    const exported = await runCli(["export", summary.graphId], key);
    expect(exported.code).toBe(0);
    const parsed = parseOpenClawConfig(readFixtureFolder("team-setup"));
    expect(parsed.ok && JSON5.parse(exported.stdout)).toEqual(parsed.ok && parsed.value.config);
  });

  it("says what is wrong and creates nothing: another workspace's slug, a malformed file, a viewer's key, a foreign graph", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
    const other = await createWorkspaceWithMembers(["owner"]);
    const { key } = await callerFor(members.owner).apiKey.create({ workspaceId: workspace.id, name: "cli", role: "editor" });
    const viewerKey = (await callerFor(members.owner).apiKey.create({ workspaceId: workspace.id, name: "reader", role: "viewer" })).key;
    const foreignGraph = await callerFor(other.members.owner).openClaw.importConfig({ workspaceId: other.workspace.id, name: "Theirs", entry: "openclaw.json", files: [{ path: "openclaw.json", content: "{ agents: { entries: { main: {} } } }" }] });
    const folder = mkdtempSync(path.join(tmpdir(), "openclaw-cli-"));
    writeFileSync(path.join(folder, "openclaw.json"), "{\n  agents: { $include: './agents.json5' },\n}\n");
    writeFileSync(path.join(folder, "agents.json5"), "{\n  entries: {\n    main: { model: 'x' ]\n  },\n}\n");

    const wrongSlug = await runCli(["import", path.join(folder, "openclaw.json"), "--workspace", other.workspace.slug], key);
    expect(wrongSlug).toMatchObject({ code: 1, stdout: "", stderr: `openclaw: this API key belongs to workspace "${workspace.slug}", not "${other.workspace.slug}": use a key of that workspace\n` });
    const malformed = await runCli(["import", path.join(folder, "openclaw.json")], key);
    expect(malformed).toMatchObject({ code: 1, stderr: "openclaw: openClaw.importConfig: BAD_REQUEST: agents.json5:3:24: invalid character ']'\n" });
    const asViewer = await runCli(["import", path.join(OPENCLAW_FIXTURES_DIR, "team-setup/openclaw.json")], viewerKey);
    expect(asViewer).toMatchObject({ code: 1, stderr: "openclaw: openClaw.importConfig: FORBIDDEN: This API key's role (viewer) does not allow graph:create\n" });
    expect(await db().graph.count({ where: { workspaceId: workspace.id } })).toBe(0);

    const foreign = await runCli(["export", foreignGraph.graphId], key);
    expect(foreign).toMatchObject({ code: 1, stdout: "", stderr: "openclaw: openClaw.exportConfig: NOT_FOUND: Graph not found\n" });
  });
});
