import { startWorkspaceRuntime } from "../testing/start-workspace-runtime";
import { randomBytes, randomUUID } from "node:crypto";
import { appendFileSync, mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { buildSpec } from "../runtime/testing/build-spec";
import { getMasterKey, setMasterKey } from "../secrets/master-key";
import { addEgressRule } from "../services/egress/add-egress-rule";
import { createGraph } from "../services/graph/create-graph";
import { grantPluginPermissions } from "../services/plugin/grant-plugin-permissions";
import { installPlugin } from "../services/plugin/install-plugin";
import { addTrustedKey } from "../services/plugin/trusted-keys";
import { startRun } from "../services/run/start-run";
import { createSecret } from "../services/secret/create-secret";
import { createWorkspaceWithMembers } from "../testing/factories";
import { setPluginStorageDir } from "./plugin-storage";
import { copyFixture, createSignedFixture, editManifest, packFixtureArchive } from "./testing/plugin-fixtures";
import { setAllowUnsignedPlugins } from "../services/plugin/set-allow-unsigned-plugins";
import { setPluginEnabled } from "../services/plugin/set-plugin-enabled";
import { loadWorkspaceImplementations } from "./workspace-plugins";
import type { TGraphSpec } from "@/lib/graph";
import { waitForRunEnd } from "../testing/wait-for-run-end";

let studio: ReturnType<typeof startWorkspaceRuntime>;
let server: Server;
let serverUrl: string;
const received: { authorization?: string }[] = [];
const idempotencyKeys: (string | undefined)[] = [];

beforeAll(async () => {
  setPluginStorageDir(mkdtempSync(path.join(tmpdir(), "studio-plugins-")));
  setMasterKey(randomBytes(32));
  server = createServer((req, res) => {
    received.push({ authorization: req.headers.authorization });
    idempotencyKeys.push(req.headers["idempotency-key"] as string | undefined);
    res.end(`echo ${req.headers.authorization}`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  studio = startWorkspaceRuntime();
});

afterAll(async () => {
  await studio.stop();
  await new Promise((resolve) => server.close(resolve));
});

async function install(workspaceId: string, actorId: string, fixture: string, edit?: (manifest: Record<string, unknown>) => void) {
  const { dir, keys } = createSignedFixture(fixture);
  if (edit) {
    editManifest(dir, edit);
    const { signPluginFolder } = await import("./signing/sign-plugin");
    signPluginFolder(dir, keys.privateKeyPem);
  }
  await addTrustedKey(db(), { workspaceId, role: "owner", actorId, publisher: "acme", publicKey: keys.publicKey });
  return installPlugin(db(), { workspaceId, actorId, role: "owner", archive: await packFixtureArchive(dir) });
}

async function runToEnd(workspaceId: string, actorId: string, spec: TGraphSpec, input: unknown) {
  const graph = await createGraph(db(), { workspaceId, actorId, name: "Plugin graph", spec });
  const run = await startRun(db(), { workspaceId, graphId: graph.id, actorId, source: { kind: "draft" }, input });
  return waitForRunEnd(run.id);
}

describe("plugin execution", () => {
  it("runs a plugin node in the sandbox, and refuses to load it once a file changed on disk", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
    const actorId = members.owner.id;
    await install(workspace.id, actorId, "shout-plugin");
    const spec = buildSpec([{ id: "in", type: "core/input" }, { id: "shout", type: "acme-shout/shout", config: { marks: 2 } }, { id: "out", type: "core/output" }], ["in.out->shout.in", "shout.out->out.in"]);

    const ok = await runToEnd(workspace.id, actorId, spec, "hello");
    expect(ok).toMatchObject({ status: "succeeded", output: { out: "HELLO!!" } });

    const stored = await db().plugin.findFirstOrThrow({ where: { pluginKey: "acme-shout", installs: { some: { workspaceId: workspace.id } } } });
    appendFileSync(path.join(stored.storagePath, "index.js"), "\nmodule.exports.shout = async () => ({ out: 'pwned' });\n");
    const refused = await runToEnd(workspace.id, actorId, spec, "hello");
    expect(refused.status).toBe("failed");
    expect((refused.error as { message: string }).message).toBe("Plugin acme-shout 1.0.0 is not loaded: index.js was changed (its sha256 differs) on disk since it was installed");
  });

  it("enforces egress and secret grants at run time; a granted secret reaches the server but nothing stored", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
    const actorId = members.owner.id;
    const host = new URL(serverUrl).host;
    await install(workspace.id, actorId, "fetch-plugin", (manifest) => ((manifest.permissions as { egress: string[] }).egress = [host]));
    const canary = `sk-CANARY-${randomUUID()}`;
    await createSecret(db(), { workspaceId: workspace.id, actorId, name: "API_TOKEN", value: canary, masterKey: getMasterKey() });
    const spec = buildSpec([{ id: "in", type: "core/input" }, { id: "get", type: "acme-fetch/get", config: { url: `${serverUrl}/data` } }, { id: "out", type: "core/output" }], ["in.out->get.in", "get.out->out.in"]);

    const notGranted = await runToEnd(workspace.id, actorId, spec, null);
    expect(notGranted.status).toBe("failed");
    expect((notGranted.error as { message: string }).message).toContain("is not granted the secret API_TOKEN");
    expect(received).toHaveLength(0);

    await grantPluginPermissions(db(), { workspaceId: workspace.id, role: "owner", pluginKey: "acme-fetch", grants: { egress: [], secrets: ["API_TOKEN"] } });
    const noEgress = await runToEnd(workspace.id, actorId, spec, null);
    expect((noEgress.error as { message: string }).message).toContain(`Plugin acme-fetch is not granted egress to ${host}`);
    expect(received).toHaveLength(0);

    await grantPluginPermissions(db(), { workspaceId: workspace.id, role: "owner", pluginKey: "acme-fetch", grants: { egress: [host], secrets: ["API_TOKEN"] } });
    const granted = await runToEnd(workspace.id, actorId, spec, null);
    expect(granted).toMatchObject({ status: "succeeded", output: { out: { status: 200, body: "echo Bearer [secret]" } } });
    expect(received).toEqual([{ authorization: `Bearer ${canary}` }]);
    expect(JSON.stringify(granted)).not.toContain(canary);
    expect(idempotencyKeys.at(-1)).toBe(`${granted.id}:get:top:0:fetch-0`);
  });

  it("runs a Code node in the sandbox; its fetch is limited to the workspace allowlist", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
    const actorId = members.owner.id;
    const double = buildSpec([{ id: "in", type: "core/input" }, { id: "code", type: "core/code", config: { code: "return { doubled: input.n * 2 }" } }, { id: "out", type: "core/output" }], ["in.out->code.in", "code.out->out.in"]);
    expect(await runToEnd(workspace.id, actorId, double, { n: 21 })).toMatchObject({ status: "succeeded", output: { out: { doubled: 42 } } });

    const calls = received.length;
    const fetching = buildSpec(
      [{ id: "in", type: "core/input" }, { id: "code", type: "core/code", config: { code: `const r = await host.call("fetch", { url: ${JSON.stringify(serverUrl)} }); return r.status;` } }, { id: "out", type: "core/output" }],
      ["in.out->code.in", "code.out->out.in"],
    );
    const blocked = await runToEnd(workspace.id, actorId, fetching, null);
    expect((blocked.error as { message: string }).message).toContain("Code node is not granted egress");
    expect(received).toHaveLength(calls);
    await addEgressRule(db(), { workspaceId: workspace.id, actorId, host: new URL(serverUrl).host });
    const fetched = await runToEnd(workspace.id, actorId, fetching, null);
    expect(fetched).toMatchObject({ status: "succeeded", output: { out: 200 } });
    expect(idempotencyKeys.at(-1)).toBe(`${fetched.id}:code:top:0:fetch-0`);
  });

  it("stops unsigned plugins already installed when the owner no longer allows them, and says so at run start", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
    const workspaceId = workspace.id;
    const actorId = members.owner.id;
    await setAllowUnsignedPlugins(db(), { workspaceId, role: "owner", isAllowed: true });
    expect((await installPlugin(db(), { workspaceId, actorId, role: "owner", archive: await packFixtureArchive(copyFixture("shout-plugin")) })).plugin.signedBy).toBeNull();
    await install(workspaceId, actorId, "fetch-plugin");
    const spec = buildSpec([{ id: "in", type: "core/input" }, { id: "shout", type: "acme-shout/shout", config: { marks: 1 } }, { id: "out", type: "core/output" }], ["in.out->shout.in", "shout.out->out.in"]);
    const graph = await createGraph(db(), { workspaceId, actorId, name: "Unsigned graph", spec });
    const start = () => startRun(db(), { workspaceId, graphId: graph.id, actorId, source: { kind: "draft" }, input: "hi" });
    expect(await waitForRunEnd((await start()).id)).toMatchObject({ status: "succeeded", output: { out: "HI!" } });

    expect(await setAllowUnsignedPlugins(db(), { workspaceId, role: "owner", isAllowed: false })).toEqual({ allowUnsignedPlugins: false, disabledPlugins: ["acme-shout"] });
    const installs = await db().pluginInstall.findMany({ where: { workspaceId }, select: { pluginKey: true, isEnabled: true }, orderBy: { pluginKey: "asc" } });
    expect(installs).toEqual([{ pluginKey: "acme-fetch", isEnabled: true }, { pluginKey: "acme-shout", isEnabled: false }]);
    const unsignedRefusal = "uses the plugin acme-shout, which is unsigned, and this workspace does not allow unsigned plugins";
    await expect(start()).rejects.toThrow(`Node "shout" ${unsignedRefusal}`);
    await expect(setPluginEnabled(db(), { workspaceId, role: "owner", pluginKey: "acme-shout", isEnabled: true })).rejects.toThrow("acme-shout is unsigned, and this workspace does not allow unsigned plugins");
    // A run queued before the switch gets the same reason when its node comes up, not "unknown type".
    const queuedBefore = (await loadWorkspaceImplementations(db(), { id: "a-run-queued-before", workspaceId, graphId: graph.id })).get("acme-shout/shout");
    await expect(queuedBefore!.execute({ nodeId: "shout" } as Parameters<NonNullable<typeof queuedBefore>["execute"]>[0])).rejects.toThrow(`Node "shout" ${unsignedRefusal}`);

    await setAllowUnsignedPlugins(db(), { workspaceId, role: "owner", isAllowed: true });
    await expect(start()).rejects.toThrow('Node "shout" uses the plugin acme-shout, which is disabled in this workspace');
    await setPluginEnabled(db(), { workspaceId, role: "owner", pluginKey: "acme-shout", isEnabled: true });
    expect(await waitForRunEnd((await start()).id)).toMatchObject({ status: "succeeded", output: { out: "HI!" } });
  });
});
