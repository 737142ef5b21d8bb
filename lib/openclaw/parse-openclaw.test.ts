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
});

describe("parseSkill", () => {
  it("reads name and a folded description from the front matter", () => {
    const result = parseSkill("---\nname: github-triage\ndescription: >\n  Triage new issues,\n  label them.\nuser-invocable: true\n---\n# GitHub triage\nSteps...");
    expect(result).toEqual({ ok: true, value: { name: "github-triage", description: "Triage new issues, label them.", body: "# GitHub triage\nSteps..." } });
  });

  it("refuses a file without front matter or name", () => {
    expect(parseSkill("# Just markdown")).toMatchObject({ ok: false });
    expect(parseSkill("---\ndescription: x\n---\n")).toEqual({ ok: false, message: "SKILL.md front matter: name is required" });
  });
});
