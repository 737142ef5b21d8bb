import { describe, expect, it } from "vitest";
import { parseOpenClawManifest } from "./parse-openclaw-manifest";
import { parseSkill } from "./parse-skill";

const VOICE_CALL = `{
  // JSON5: comments and trailing commas are allowed
  id: "voice-call",
  name: "Voice Call",
  description: "Place and receive phone calls.",
  configSchema: {
    type: "object",
    additionalProperties: false,
    properties: {
      provider: { type: "string", enum: ["twilio", "telnyx"] },
      apiKey: { type: "string" },
    },
    required: ["provider"],
  },
  uiHints: { apiKey: { label: "API key", sensitive: true }, provider: { label: "Provider" } },
  channels: ["voice"],
  providers: ["twilio"],
  contracts: { tools: [{ name: "voice_call_start", description: "Start a call" }, "voice_call_hangup"] },
}`;

describe("parseOpenClawManifest", () => {
  it("reads a real manifest with configSchema, uiHints, contracts.tools and channels", () => {
    const result = parseOpenClawManifest(VOICE_CALL);
    expect(result).toMatchObject({
      ok: true,
      value: {
        id: "voice-call",
        name: "Voice Call",
        channels: ["voice"],
        providers: ["twilio"],
        uiHints: { apiKey: { label: "API key", sensitive: true } },
        tools: [{ name: "voice_call_start", description: "Start a call" }, { name: "voice_call_hangup", description: "" }],
      },
    });
  });

  it("takes name, description and version from package.json when the manifest has none", () => {
    const result = parseOpenClawManifest(`{ id: "memo", configSchema: { type: "object" } }`, JSON.stringify({ name: "@acme/openclaw-memo", description: "Notes", version: "0.3.1", openclaw: { extensions: ["./dist/index.js"] } }));
    expect(result).toMatchObject({ ok: true, value: { name: "@acme/openclaw-memo", description: "Notes", version: "0.3.1" } });
  });

  it("explains malformed JSON5 and missing id or configSchema", () => {
    expect(parseOpenClawManifest(`{ id: "x", configSchema: { `)).toMatchObject({ ok: false, message: expect.stringContaining("not valid JSON5") });
    expect(parseOpenClawManifest(`{ configSchema: {} }`)).toEqual({ ok: false, message: "openclaw.plugin.json: id: id is required" });
    expect(parseOpenClawManifest(`{ id: "x" }`)).toEqual({ ok: false, message: "openclaw.plugin.json: configSchema: configSchema is required and must be an inline JSON Schema object" });
    expect(parseOpenClawManifest(`{ id: "x", configSchema: "./schema.json" }`)).toMatchObject({ ok: false });
  });

  it("keeps channelConfigs, toolMetadata, skills and package.json's openclaw block", () => {
    const manifest = `{ id: "chat", configSchema: { type: "object" }, skills: ["./skills"], contracts: { tools: ["chat_send"] }, toolMetadata: { chat_send: { optional: true } },
      channelConfigs: { chat: { schema: { type: "object", properties: { token: { type: "string" } } }, uiHints: { token: { sensitive: true } }, label: "Chat" } } }`;
    expect(parseOpenClawManifest(manifest, JSON.stringify({ name: "@acme/chat", openclaw: { extensions: ["./index.js"], channel: { id: "chat" } } }))).toMatchObject({
      ok: true,
      value: {
        skills: ["./skills"],
        toolMetadata: { chat_send: { optional: true } },
        channelConfigs: { chat: { schema: { properties: { token: { type: "string" } } }, uiHints: { token: { sensitive: true } }, label: "Chat", description: "" } },
        packageOpenClaw: { extensions: ["./index.js"], channel: { id: "chat" } },
      },
    });
    expect(parseOpenClawManifest(`{ id: "chat", configSchema: {}, channelConfigs: { chat: { uiHints: {} } } }`)).toEqual({
      ok: false,
      message: "openclaw.plugin.json: channelConfigs.chat.schema: schema is required and must be an inline JSON Schema object",
    });
    expect(parseOpenClawManifest(`{ id: "chat", configSchema: { properties: { "a b": { enum: "x" } } } }`)).toEqual({
      ok: false,
      message: 'openclaw.plugin.json: configSchema.properties["a b"].enum: not a valid JSON Schema: expected array, got string',
    });
  });
});

describe("parseSkill", () => {
  it("reads name and a folded description from the front matter", () => {
    const result = parseSkill("---\nname: github-triage\ndescription: >\n  Triage new issues,\n  label them.\nuser-invocable: true\n---\n# GitHub triage\nSteps...");
    expect(result).toEqual({ ok: true, value: { name: "github-triage", description: "Triage new issues, label them.", metadata: null, allowedTools: [], body: "# GitHub triage\nSteps..." } });
  });

  it("keeps block-style metadata and allowed-tools written as a list or as comma-separated text", () => {
    const listed = parseSkill("---\nname: notes\nmetadata:\n  openclaw:\n    emoji: \"📝\"\n    requires:\n      bins: [jq]\nallowed-tools:\n  - read\n  - exec\n---\nBody");
    expect(listed).toMatchObject({ ok: true, value: { metadata: { openclaw: { emoji: "📝", requires: { bins: ["jq"] } } }, allowedTools: ["read", "exec"] } });
    expect(parseSkill("---\nname: git\nallowed-tools: Read, Grep, Bash(git status:*)\n---\n")).toMatchObject({ ok: true, value: { allowedTools: ["Read", "Grep", "Bash(git status:*)"], body: "" } });
  });

  it("refuses a file without front matter or name, YAML errors with their line in the file, and fields of the wrong shape", () => {
    expect(parseSkill("# Just markdown")).toMatchObject({ ok: false });
    expect(parseSkill("---\ndescription: x\n---\n")).toEqual({ ok: false, message: "SKILL.md front matter: name is required" });
    expect(parseSkill("---\nname: x\ndescription: [unclosed\n---\n")).toMatchObject({ ok: false, message: expect.stringMatching(/^SKILL\.md front matter \(line [34]\): /) });
    expect(parseSkill("---\nname: x\nname: y\n---\n")).toMatchObject({ ok: false, message: expect.stringContaining("(line 3)") });
    expect(parseSkill("---\n- a\n- b\n---\n")).toEqual({ ok: false, message: "SKILL.md front matter must be a YAML mapping (key: value lines)" });
    expect(parseSkill("---\nname: x\nmetadata: [1]\n---\n")).toEqual({ ok: false, message: "SKILL.md front matter: metadata must be a mapping" });
    expect(parseSkill("---\nname: x\nallowed-tools: { a: 1 }\n---\n")).toMatchObject({ ok: false, message: expect.stringContaining("allowed-tools must be") });
  });

  it("does not end the front matter at a --- inside a value", () => {
    expect(parseSkill("---\nname: dash\ndescription: before---after\n---\nBody")).toMatchObject({ ok: true, value: { description: "before---after", body: "Body" } });
  });
});
