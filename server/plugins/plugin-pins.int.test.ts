// A published version runs the plugin version it was published with: installing a newer one changes what drafts and
// later versions run, never an earlier version; and a plugin that deployed or triggered versions use cannot be removed.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TGraphSpec } from "@/lib/graph";
import { db } from "../db/client";
import { buildSpec } from "../runtime/testing/build-spec";
import { addTrustedKey } from "../services/plugin/trusted-keys";
import { startWebhookRun } from "../services/trigger/start-webhook-run";
import { createWorkspaceWithMembers } from "../testing/factories";
import { startWorkspaceRuntime } from "../testing/start-workspace-runtime";
import { callerFor, rejectionOf } from "../testing/trpc-callers";
import { waitForRunEnd } from "../testing/wait-for-run-end";
import { setPluginStorageDir } from "./plugin-storage";
import { signPluginFolder } from "./signing/sign-plugin";
import { copyFixture, createSignedFixture, editManifest, packFixtureArchive } from "./testing/plugin-fixtures";

let studio: ReturnType<typeof startWorkspaceRuntime>;

beforeAll(() => {
  setPluginStorageDir(mkdtempSync(path.join(tmpdir(), "studio-plugins-")));
  studio = startWorkspaceRuntime();
});

afterAll(() => studio.stop());

/** acme-shout 1.0.0 upper-cases; 1.1.0, signed with the same key, lower-cases and adds "?" instead. */
async function setUp() {
  const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
  const api = callerFor(members.owner);
  const workspaceId = workspace.id;
  const first = createSignedFixture("shout-plugin");
  await addTrustedKey(db(), { workspaceId, role: "owner", actorId: members.owner.id, publisher: "acme", publicKey: first.keys.publicKey });
  const newer = copyFixture("shout-plugin");
  editManifest(newer, (manifest) => (manifest.version = "1.1.0"));
  writeFileSync(path.join(newer, "index.js"), "module.exports.shout = async ({ inputs }) => ({ out: String(inputs.in).toLowerCase() + '?' });\n");
  signPluginFolder(newer, first.keys.privateKeyPem);
  const install = async (dir: string) => api.plugin.install({ workspaceId, archiveBase64: (await packFixtureArchive(dir)).toString("base64") });
  return { api, workspaceId, installFirst: () => install(first.dir), installNewer: () => install(newer) };
}

const shoutGraph = (entry: "core/input" | "core/webhook"): TGraphSpec =>
  buildSpec(
    [{ id: "in", type: entry }, { id: "text", type: "core/template", config: { template: entry === "core/input" ? "{{input}}" : "{{input.body}}" } }, { id: "shout", type: "acme-shout/shout" }, { id: "out", type: "core/output" }],
    ["in.out->text.in", "text.out->shout.in", "shout.out->out.in"],
  );

describe("plugin version pins", () => {
  it("runs each published version with the plugin version it pinned, across an upgrade of the plugin", async () => {
    const { api, workspaceId, installFirst, installNewer } = await setUp();
    await installFirst();
    const graph = await api.graph.create({ workspaceId, name: "Pinned", spec: shoutGraph("core/input") });
    await api.graph.publishVersion({ workspaceId, graphId: graph.id, draftRevision: graph.draftRevision, message: "with shout 1.0.0" });
    const run = async (version: number | "draft") => waitForRunEnd((await api.run.start({ workspaceId, graphId: graph.id, version, input: "Hello" })).id);

    expect(await run(1)).toMatchObject({ status: "succeeded", output: { out: "HELLO!" } });
    expect(await installNewer()).toMatchObject({ previousVersion: "1.0.0", plugin: { version: "1.1.0" } });
    expect(await run(1)).toMatchObject({ status: "succeeded", output: { out: "HELLO!" } });
    expect(await run("draft")).toMatchObject({ status: "succeeded", output: { out: "hello?" } });

    // The same graph published again adopts the installed 1.1.0; version 1 keeps 1.0.0.
    await api.graph.publishVersion({ workspaceId, graphId: graph.id, draftRevision: graph.draftRevision, message: "with shout 1.1.0" });
    expect(await run(2)).toMatchObject({ status: "succeeded", output: { out: "hello?" } });
    expect(await run(1)).toMatchObject({ status: "succeeded", output: { out: "HELLO!" } });
    const unchanged = await rejectionOf(api.graph.publishVersion({ workspaceId, graphId: graph.id, draftRevision: graph.draftRevision }));
    expect(unchanged.message).toBe("Nothing to publish: the draft and its plugin versions are identical to version 2");

    const versions = await api.graph.listVersions({ workspaceId, graphId: graph.id });
    expect(versions.map((version) => [version.number, version.pluginPins])).toEqual([
      [2, [{ pluginKey: "acme-shout", version: "1.1.0", nodeTypes: ["acme-shout/shout"] }]],
      [1, [{ pluginKey: "acme-shout", version: "1.0.0", nodeTypes: ["acme-shout/shout"] }]],
    ]);
    const plugins = await api.plugin.list({ workspaceId });
    expect(plugins.find((plugin) => plugin.pluginKey === "acme-shout")?.pins).toEqual([
      { graphId: graph.id, graphName: "Pinned", versionNumber: 2, version: "1.1.0" },
      { graphId: graph.id, graphName: "Pinned", versionNumber: 1, version: "1.0.0" },
    ]);
  });

  it("starts a webhook's runs with the plugin as it is switched now, though the version was checked before", async () => {
    const { api, workspaceId, installFirst } = await setUp();
    await installFirst();
    const graph = await api.graph.create({ workspaceId, name: "Hooked", spec: shoutGraph("core/webhook") });
    await api.graph.publishVersion({ workspaceId, graphId: graph.id, draftRevision: graph.draftRevision });
    const trigger = await db().trigger.findFirstOrThrow({ where: { graphId: graph.id } });
    const deliver = async () => (await startWebhookRun(db(), { trigger, input: { body: "Hello" }, now: new Date() })).runId;

    expect(await waitForRunEnd(await deliver())).toMatchObject({ status: "succeeded", output: { out: "HELLO!" } });
    await api.plugin.setEnabled({ workspaceId, pluginKey: "acme-shout", isEnabled: false });
    await expect(deliver()).rejects.toThrow(/Node "shout" uses the plugin acme-shout/);
    await api.plugin.setEnabled({ workspaceId, pluginKey: "acme-shout", isEnabled: true });
    expect(await waitForRunEnd(await deliver())).toMatchObject({ status: "succeeded", output: { out: "HELLO!" } });
  });

  it("refuses to uninstall a plugin that a triggered or deployed version uses, naming them", async () => {
    const { api, workspaceId, installFirst } = await setUp();
    await installFirst();
    const hooked = await api.graph.create({ workspaceId, name: "Hooked", spec: shoutGraph("core/webhook") });
    await api.graph.publishVersion({ workspaceId, graphId: hooked.id, draftRevision: hooked.draftRevision });
    const deployed = await api.graph.create({ workspaceId, name: "Deployed", spec: shoutGraph("core/input") });
    await api.graph.publishVersion({ workspaceId, graphId: deployed.id, draftRevision: deployed.draftRevision });
    await api.deployment.deploy({ workspaceId, graphId: deployed.id, environment: "staging", version: 1 });

    const refused = await rejectionOf(api.plugin.uninstall({ workspaceId, pluginKey: "acme-shout" }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toBe(
      [
        "acme-shout cannot be uninstalled: 2 deployed or triggered graph version(s) use it. Deploy or publish versions without it first:",
        'Graph "Deployed" v1 (deployed to staging): acme-shout/shout',
        'Graph "Hooked" v1 (published, started by its triggers): acme-shout/shout',
      ].join("\n"),
    );
    expect(await db().pluginInstall.count({ where: { workspaceId } })).toBe(1);

    await api.graph.delete({ workspaceId, graphId: hooked.id });
    await api.graph.delete({ workspaceId, graphId: deployed.id });
    expect(await api.plugin.uninstall({ workspaceId, pluginKey: "acme-shout" })).toEqual({ pluginKey: "acme-shout" });
  });
});
