import { describe, expect, it } from "vitest";
import { buildSpec } from "../../../runtime/testing/build-spec";
import { createWorkspaceWithMembers } from "../../../testing/factories";
import { callerFor, rejectionOf } from "../../../testing/trpc-callers";


const MANIFEST = `{
  id: "voice-call",
  name: "Voice Call",
  configSchema: { type: "object", additionalProperties: false, properties: { provider: { type: "string" } }, required: ["provider"] },
  uiHints: { provider: { label: "Provider" } },
  channels: ["voice"],
  contracts: { tools: [{ name: "voice_call_start", description: "Start a call" }] },
}`;


describe("OpenClaw import", () => {
  it("imports a manifest and a skill into the palette as external, non-runnable types", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["admin", "editor"]);
    const workspaceId = workspace.id;
    const admin = callerFor(members.admin);
    await admin.openClaw.import({ workspaceId, source: { kind: "plugin", manifest: MANIFEST } });
    await admin.openClaw.import({ workspaceId, source: { kind: "skill", markdown: "---\nname: triage\ndescription: Triage issues\n---\nBody" } });

    const palette = await callerFor(members.editor).nodeType.list({ workspaceId });
    expect(palette.find((type) => type.type === "openclaw/voice-call")).toMatchObject({
      title: "Voice Call",
      isExternal: true,
      isRunnable: false,
      pluginName: "External (OpenClaw)",
      configSchema: { required: ["provider"] },
      uiHints: { provider: { label: "Provider" } },
      externalTools: [{ name: "voice_call_start", description: "Start a call" }],
    });
    expect(palette.find((type) => type.type === "openclaw-skill/triage")).toMatchObject({ description: "Triage issues", isRunnable: false });

    const graph = await admin.graph.create({
      workspaceId,
      name: "With external",
      spec: buildSpec([{ id: "in", type: "core/input" }, { id: "call", type: "openclaw/voice-call", label: "Call", config: { provider: "twilio" } }], ["in.out->call.in"]),
    });
    const refused = await rejectionOf(admin.run.start({ workspaceId, graphId: graph.id }));
    expect(refused.message).toBe('Node "Call" is an imported OpenClaw type (openclaw/voice-call): it can be drawn here but not run');
  });

  it("gives clear errors for malformed JSON5, a missing id or configSchema, and refuses editors", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["admin", "editor"]);
    const workspaceId = workspace.id;
    const admin = callerFor(members.admin);
    expect((await rejectionOf(admin.openClaw.import({ workspaceId, source: { kind: "plugin", manifest: "{ id: " } }))).message).toContain("not valid JSON5");
    expect((await rejectionOf(admin.openClaw.import({ workspaceId, source: { kind: "plugin", manifest: "{ configSchema: {} }" } }))).message).toBe("openclaw.plugin.json: id: id is required");
    expect((await rejectionOf(admin.openClaw.import({ workspaceId, source: { kind: "plugin", manifest: '{ id: "x" }' } }))).message).toContain("configSchema is required");
    expect((await rejectionOf(callerFor(members.editor).openClaw.import({ workspaceId, source: { kind: "plugin", manifest: MANIFEST } }))).code).toBe("FORBIDDEN");
  });
});
