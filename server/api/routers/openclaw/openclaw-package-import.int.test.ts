import { describe, expect, it } from "vitest";
import { readOpenClawFixture, withManifestValue } from "../../../plugins/testing/openclaw-fixtures";
import { buildSpec } from "../../../runtime/testing/build-spec";
import { db } from "../../../db/client";
import { createWorkspaceWithMembers } from "../../../testing/factories";
import { callerFor, rejectionOf } from "../../../testing/trpc-callers";

const discord = { kind: "plugin" as const, manifest: readOpenClawFixture("discord/openclaw.plugin.json"), packageJson: readOpenClawFixture("discord/package.json") };
const feishu = { kind: "plugin" as const, manifest: readOpenClawFixture("feishu/openclaw.plugin.json"), packageJson: readOpenClawFixture("feishu/package.json") };

describe("OpenClaw import of real @openclaw/* packages", () => {
  it("gives @openclaw/discord's channel a palette entry with its 54-setting form, and shows what the import kept", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["admin", "viewer"]);
    const workspaceId = workspace.id;
    const admin = callerFor(members.admin);
    await admin.openClaw.import({ workspaceId, source: discord });

    const palette = await callerFor(members.viewer).nodeType.list({ workspaceId });
    const channel = palette.find((type) => type.type === "openclaw-channel/discord");
    expect(channel).toMatchObject({ title: "Discord channel", category: "io", description: expect.stringMatching(/^Discord channel provider configuration for bot auth/), isExternal: true, isRunnable: false, uiHints: { token: { sensitive: true }, "voice.realtime.providers": { advanced: true } } });
    expect(Object.keys(channel!.configSchema.properties as object)).toHaveLength(54);
    expect(palette.find((type) => type.type === "openclaw/discord")).toMatchObject({ title: "Discord", configSchema: { properties: {} } });

    const [listed] = await callerFor(members.viewer).openClaw.list({ workspaceId });
    expect(listed).toMatchObject({ kind: "openclaw-plugin", externalId: "discord", name: "Discord", version: "2026.9.6" });
    const details = await callerFor(members.viewer).openClaw.get({ workspaceId, id: listed!.id });
    expect(details).toMatchObject({
      settingCount: 0,
      channels: [{ channel: "discord", label: "Discord", settingCount: 54, hintCount: 97, nodeType: "openclaw-channel/discord" }],
      skills: ["./skills"],
      packageOpenClaw: { channel: { id: "discord", selectionLabel: "Discord (Bot API)" } },
    });

    const graph = await admin.graph.create({
      workspaceId,
      name: "Discord front door",
      spec: buildSpec([{ id: "in", type: "core/input" }, { id: "discord", type: "openclaw-channel/discord", label: "Discord", config: { dmPolicy: "pairing", groupPolicy: "allowlist", token: "DISCORD_TOKEN" } }], ["in.out->discord.in"]),
    });
    const refused = await rejectionOf(admin.run.start({ workspaceId, graphId: graph.id }));
    expect(refused.message).toBe('Node "Discord" is an imported OpenClaw type (openclaw-channel/discord): it can be drawn here but not run');
  });

  it("keeps @openclaw/feishu's toolMetadata with its tools, and a skill's metadata, allowed-tools and body", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["admin"]);
    const workspaceId = workspace.id;
    const admin = callerFor(members.admin);
    const plugin = await admin.openClaw.import({ workspaceId, source: feishu });
    const details = await admin.openClaw.get({ workspaceId, id: plugin.id });
    expect(details.tools).toHaveLength(14);
    expect(details.tools.find((tool) => tool.name === "feishu_doc")?.metadata).toMatchObject({ configSignals: [{ rootPath: "channels.feishu", required: ["appId", "appSecret"] }, { overlayMapPath: "accounts" }] });
    expect(details.channels).toMatchObject([{ channel: "feishu", settingCount: 47 }]);

    const markdown = readOpenClawFixture("discord/skills/discord/SKILL.md");
    const skill = await admin.openClaw.import({ workspaceId, source: { kind: "skill", markdown } });
    expect(await admin.openClaw.get({ workspaceId, id: skill.id })).toMatchObject({
      kind: "openclaw-skill",
      name: "discord",
      skillMetadata: { openclaw: { emoji: "🎮", requires: { config: ["channels.discord"] } } },
      allowedTools: ["message"],
      skillBody: expect.stringMatching(/^# Discord\n[\s\S]*## Interactive components/),
    });
  });

  it("refuses an invalid channel schema with its path and stores nothing; a re-import without channels leaves no stale channel entry", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["admin", "editor"]);
    const other = await createWorkspaceWithMembers(["owner"]);
    const workspaceId = workspace.id;
    const admin = callerFor(members.admin);
    const broken = withManifestValue("discord/openclaw.plugin.json", ["channelConfigs", "discord", "schema", "properties", "dmPolicy", "enum"], "pairing");
    const refused = await rejectionOf(admin.openClaw.import({ workspaceId, source: { kind: "plugin", manifest: broken } }));
    expect(refused).toMatchObject({ code: "BAD_REQUEST", message: "openclaw.plugin.json: channelConfigs.discord.schema.properties.dmPolicy.enum: not a valid JSON Schema: expected array, got string" });
    expect(await db().importedExtension.count({ where: { workspaceId } })).toBe(0);

    const imported = await admin.openClaw.import({ workspaceId, source: discord });
    await admin.openClaw.import({ workspaceId, source: { kind: "plugin", manifest: '{ id: "discord", configSchema: { type: "object" } }' } });
    const palette = await callerFor(members.editor).nodeType.list({ workspaceId });
    expect(palette.some((type) => type.type === "openclaw-channel/discord")).toBe(false);
    expect(await admin.openClaw.get({ workspaceId, id: imported.id })).toMatchObject({ channels: [], skills: [], packageOpenClaw: null });
    expect((await rejectionOf(callerFor(other.members.owner).openClaw.get({ workspaceId: other.workspace.id, id: imported.id }))).code).toBe("NOT_FOUND");
  });
});
