import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getPluginSourcesDir, setPluginStorageDir } from "../../../plugins/plugin-storage";
import { copyFixture, createSignedFixture, editManifest, packFixtureArchive } from "../../../plugins/testing/plugin-fixtures";
import { createWorkspaceWithMembers } from "../../../testing/factories";
import { callerFor, rejectionOf } from "../../../testing/trpc-callers";


beforeAll(() => setPluginStorageDir(path.join(mkdtempSync(path.join(tmpdir(), "studio-data-")), "plugins")));

async function archiveOf(dir: string): Promise<string> {
  return (await packFixtureArchive(dir)).toString("base64");
}


describe("plugin router", () => {
  it("installs a plugin signed by a trusted key; its node types reach the palette; editors cannot install", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["admin", "editor"]);
    const workspaceId = workspace.id;
    const admin = callerFor(members.admin);
    const { dir, keys } = createSignedFixture("shout-plugin");
    const archiveBase64 = await archiveOf(dir);

    const untrusted = await rejectionOf(admin.plugin.install({ workspaceId, archiveBase64 }));
    expect(untrusted.code).toBe("BAD_REQUEST");
    expect(untrusted.message).toMatch(/signed by key [0-9a-f]{16}, which this workspace does not trust/);

    await admin.plugin.addTrustedKey({ workspaceId, publisher: "acme", publicKey: keys.publicKey });
    expect((await rejectionOf(callerFor(members.editor).plugin.install({ workspaceId, archiveBase64 }))).code).toBe("FORBIDDEN");
    const installed = await admin.plugin.install({ workspaceId, archiveBase64 });
    expect(installed).toMatchObject({ pluginKey: "acme-shout", isEnabled: true, plugin: { version: "1.0.0" } });

    const plugins = await callerFor(members.editor).plugin.list({ workspaceId });
    expect(plugins.map((plugin) => [plugin.pluginKey, plugin.isBuiltin])).toEqual([["core", true], ["acme-shout", false]]);
    const nodeTypes = await callerFor(members.editor).nodeType.list({ workspaceId });
    expect(nodeTypes.find((type) => type.type === "acme-shout/shout")).toMatchObject({ title: "Shout", pluginName: "Shout", isSigned: true });
    expect(nodeTypes.some((type) => type.type === "core/map")).toBe(true);

    await admin.plugin.setEnabled({ workspaceId, pluginKey: "acme-shout", isEnabled: false });
    expect((await admin.nodeType.list({ workspaceId })).some((type) => type.type === "acme-shout/shout")).toBe(false);
  });

  it("refuses a downgrade to an older signed version", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["admin"]);
    const workspaceId = workspace.id;
    const admin = callerFor(members.admin);
    const newer = createSignedFixture("shout-plugin", { version: "1.2.0" });
    await admin.plugin.addTrustedKey({ workspaceId, publisher: "acme", publicKey: newer.keys.publicKey });
    await admin.plugin.install({ workspaceId, archiveBase64: await archiveOf(newer.dir) });

    const older = copyFixture("shout-plugin");
    editManifest(older, (manifest) => (manifest.version = "1.1.0"));
    const { signPluginFolder } = await import("../../../plugins/signing/sign-plugin");
    signPluginFolder(older, newer.keys.privateKeyPem);
    const downgrade = await rejectionOf(admin.plugin.install({ workspaceId, archiveBase64: await archiveOf(older) }));
    expect(downgrade.code).toBe("CONFLICT");
    expect(downgrade.message).toContain("1.2.0 is installed; 1.1.0 is older");
  });

  it("takes unsigned plugins only after the owner allows them", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner", "admin"]);
    const workspaceId = workspace.id;
    const unsigned = copyFixture("shout-plugin");
    editManifest(unsigned, (manifest) => (manifest.version = "0.9.0"));
    const archiveBase64 = await archiveOf(unsigned);
    const admin = callerFor(members.admin);
    expect((await rejectionOf(admin.plugin.install({ workspaceId, archiveBase64 }))).message).toContain("does not allow unsigned plugins");
    expect((await rejectionOf(admin.plugin.setAllowUnsigned({ workspaceId, isAllowed: true }))).code).toBe("FORBIDDEN");
    await callerFor(members.owner).plugin.setAllowUnsigned({ workspaceId, isAllowed: true });
    expect((await admin.plugin.install({ workspaceId, archiveBase64 })).plugin.signedBy).toBeNull();
  });

  it("installs from a folder inside plugin-sources only", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["admin"]);
    const workspaceId = workspace.id;
    const admin = callerFor(members.admin);
    const { dir, keys } = createSignedFixture("shout-plugin", { version: "2.0.0" });
    cpSync(dir, path.join(getPluginSourcesDir(), "shout-2"), { recursive: true });
    await admin.plugin.addTrustedKey({ workspaceId, publisher: "acme", publicKey: keys.publicKey });
    expect((await admin.plugin.installFromFolder({ workspaceId, folder: "shout-2" })).plugin.version).toBe("2.0.0");
    expect((await rejectionOf(admin.plugin.installFromFolder({ workspaceId, folder: "../etc" }))).code).toBe("BAD_REQUEST");
    expect((await rejectionOf(admin.plugin.installFromFolder({ workspaceId, folder: "missing" }))).code).toBe("NOT_FOUND");
  });

  it("grants only declared permissions", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["admin"]);
    const workspaceId = workspace.id;
    const admin = callerFor(members.admin);
    const { dir, keys } = createSignedFixture("shout-plugin");
    await admin.plugin.addTrustedKey({ workspaceId, publisher: "acme", publicKey: keys.publicKey });
    await admin.plugin.install({ workspaceId, archiveBase64: await archiveOf(dir) });
    const undeclared = await rejectionOf(admin.plugin.grant({ workspaceId, pluginKey: "acme-shout", grants: { egress: ["evil.example"], secrets: [] } }));
    expect(undeclared.message).toBe('acme-shout does not declare the egress permission "evil.example"');
    expect((await rejectionOf(admin.plugin.uninstall({ workspaceId, pluginKey: "not-installed" }))).code).toBe("NOT_FOUND");
  });
});
