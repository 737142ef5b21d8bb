// The OpenClaw import on files of real @openclaw/* packages (server/plugins/testing/fixtures/openclaw): what the
// parsers keep, and the config form a channel's schema and uiHints give.
import { describe, expect, it } from "vitest";
import { splitAdvanced, toConfigFields, type TFieldModel } from "@/components/editor/config-form/field-model";
import { parseOpenClawManifest, type TOpenClawPlugin } from "@/lib/openclaw/parse-openclaw-manifest";
import { parseSkill } from "@/lib/openclaw/parse-skill";
import { readOpenClawFixture, withManifestValue } from "../../plugins/testing/openclaw-fixtures";

function parseFixture(name: "discord" | "feishu"): TOpenClawPlugin {
  const parsed = parseOpenClawManifest(readOpenClawFixture(`${name}/openclaw.plugin.json`), readOpenClawFixture(`${name}/package.json`));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

function channelForm(plugin: TOpenClawPlugin, channel: string): TFieldModel[] {
  const config = plugin.channelConfigs[channel]!;
  return toConfigFields(config.schema, config.uiHints ?? undefined);
}

const field = (fields: readonly TFieldModel[], key: string): TFieldModel => {
  const found = fields.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no field ${key}`);
  return found;
};
const childrenOf = (model: TFieldModel): TFieldModel[] => {
  if (model.kind === "object") return model.fields;
  if (model.kind === "list" && model.item.kind === "object") return model.item.fields;
  throw new Error(`${model.key} has no fields`);
};

describe("@openclaw/discord", () => {
  const discord = parseFixture("discord");

  it("keeps the channel's settings schema, skills and package.json#openclaw that the import dropped before", () => {
    expect(discord).toMatchObject({ id: "discord", name: "Discord", version: "2026.9.6", channels: ["discord"], skills: ["./skills"] });
    expect(Object.keys(discord.configSchema.properties as object)).toEqual([]);
    expect(discord.channelConfigs.discord).toMatchObject({ label: "Discord", description: "very well supported right now." });
    expect(discord.packageOpenClaw).toMatchObject({ extensions: ["./index.ts"], channel: { id: "discord", label: "Discord" } });
  });

  it("gives the channel a form of 54 settings worded by its uiHints, `sensitive` ones as secret pickers", () => {
    const form = channelForm(discord, "discord");
    expect(form).toHaveLength(54);
    expect(field(form, "dmPolicy")).toMatchObject({ kind: "select", label: "Discord DM Policy", isRequired: true, description: expect.stringContaining("Direct message access control") });
    expect(field(form, "token")).toMatchObject({ kind: "secret", label: "Discord Bot Token" });
    expect(field(childrenOf(field(form, "activities")), "clientSecret")).toMatchObject({ kind: "secret", label: "Discord Activities Client Secret" });
    const secrets = (fields: readonly TFieldModel[]): string[] => fields.flatMap((model) => (model.kind === "secret" ? [model.label] : model.kind === "object" ? secrets(model.fields) : []));
    expect(secrets(form)).toEqual(["Discord Bot Token", "Discord Activities Client Secret"]);
  });

  it("puts the `advanced` voice providers behind their group's Advanced section and reads `*` hint paths of list items", () => {
    const realtime = childrenOf(field(childrenOf(field(channelForm(discord, "discord"), "voice")), "realtime"));
    const { basic, advanced } = splitAdvanced(realtime);
    expect(advanced.map((model) => model.key)).toEqual(["providers"]);
    expect(basic.map((model) => model.key)).toContain("provider");
    const autoJoin = childrenOf(field(childrenOf(field(channelForm(discord, "discord"), "voice")), "autoJoin"));
    expect(field(autoJoin, "whenOccupied")).toMatchObject({ kind: "boolean", label: "Discord Voice Auto-Join When Occupied" });
  });

  it("refuses an invalid channel schema or configSchema with the path of the mistake", () => {
    const badType = withManifestValue("discord/openclaw.plugin.json", ["channelConfigs", "discord", "schema", "properties", "token"], { type: "strin" });
    expect(parseOpenClawManifest(badType)).toEqual({
      ok: false,
      message: "openclaw.plugin.json: channelConfigs.discord.schema.properties.token.type: not a valid JSON Schema: must be a JSON type (string, number, integer, boolean, object, array, null) or a list of them",
    });
    const badRequired = withManifestValue("discord/openclaw.plugin.json", ["configSchema", "required"], "token");
    expect(parseOpenClawManifest(badRequired)).toEqual({ ok: false, message: "openclaw.plugin.json: configSchema.required: not a valid JSON Schema: expected array, got string" });
    const badPattern = withManifestValue("discord/openclaw.plugin.json", ["channelConfigs", "discord", "schema", "properties", "applicationId", "pattern"], "^(\\d+$");
    expect(parseOpenClawManifest(badPattern)).toMatchObject({ ok: false, message: expect.stringMatching(/^openclaw\.plugin\.json: channelConfigs\.discord\.schema\.properties\.applicationId\.pattern: not a valid JSON Schema: .*regex/) });
  });

  it("reads the package's SKILL.md front matter as YAML: metadata and allowed-tools kept, the body whole", () => {
    const markdown = readOpenClawFixture("discord/skills/discord/SKILL.md");
    const parsed = parseSkill(markdown);
    expect(parsed).toMatchObject({
      ok: true,
      value: {
        name: "discord",
        description: "Discord messaging workflows through OpenClaw's message tool.",
        metadata: { openclaw: { emoji: "🎮", requires: { config: ["channels.discord"] } } },
        allowedTools: ["message"],
      },
    });
    if (!parsed.ok) return;
    expect(parsed.value.body.startsWith("# Discord\n")).toBe(true);
    expect(markdown.trimEnd().endsWith(parsed.value.body)).toBe(true);
  });
});

describe("@openclaw/feishu", () => {
  const feishu = parseFixture("feishu");

  it("keeps every tool of contracts.tools with its toolMetadata, and a 47-setting channel form", () => {
    expect(feishu.tools).toHaveLength(14);
    expect(Object.keys(feishu.toolMetadata ?? {}).sort()).toEqual(feishu.tools.map((tool) => tool.name).sort());
    expect(feishu.toolMetadata?.feishu_doc).toEqual({
      configSignals: [
        { rootPath: "channels.feishu", required: ["appId", "appSecret"] },
        { rootPath: "channels.feishu", overlayMapPath: "accounts", required: ["appId", "appSecret"] },
      ],
    });
    expect(channelForm(feishu, "feishu")).toHaveLength(47);
  });
});

describe("@openclaw/slack block-kit skill", () => {
  it("keeps the flow-style metadata of another real skill", () => {
    expect(parseSkill(readOpenClawFixture("slack/skills/block-kit/SKILL.md"))).toMatchObject({
      ok: true,
      value: { name: "block-kit", metadata: { openclaw: { emoji: "🧱", requires: { config: ["channels.slack"] } } }, allowedTools: ["message"] },
    });
  });
});
