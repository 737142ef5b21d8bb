import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readConfigFolder } from "./read-config-folder";

describe("readConfigFolder", () => {
  it("sends the config, the files its $include names (nested, relative to each includer) and workspace .md files, nothing else", () => {
    const root = mkdtempSync(path.join(tmpdir(), "openclaw-folder-"));
    const write = (relative: string, content: string) => {
      mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
      writeFileSync(path.join(root, relative), content);
    };
    write("openclaw.json", '{ agents: { $include: "./parts/agents.json5" }, tools: { $include: ["parts/a.json5", "parts/b.json5"] } }');
    write("parts/agents.json5", '{ entries: { $include: "entries.json5" } }');
    write("parts/entries.json5", "{ main: {} }");
    write("parts/a.json5", "{}");
    write("parts/b.json5", "{}");
    write("agents/main/sessions/sessions.json", '{ "secret": "chat history" }');
    write("unrelated.json5", "{}");
    write("AGENTS.md", "# Agents");
    write("workspace-work/SOUL.md", "calm");
    write(".git/HEAD.md", "ref");

    const upload = readConfigFolder(path.join(root, "openclaw.json"));
    expect(upload.entry).toBe("openclaw.json");
    expect(upload.files.map((file) => file.path).sort()).toEqual(["AGENTS.md", "openclaw.json", "parts/a.json5", "parts/agents.json5", "parts/b.json5", "parts/entries.json5", "workspace-work/SOUL.md"]);
  });
});
