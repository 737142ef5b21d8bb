import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readEnv } from "./env";
import { createRuntimeOwner, RUNTIME_INSTANCE_FILE, resolveRuntimeInstance } from "./runtime-owner";

const tempDirs: string[] = [];
const tempDir = () => tempDirs[tempDirs.push(mkdtempSync(path.join(tmpdir(), "studio-instance-"))) - 1]!;
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("resolveRuntimeInstance", () => {
  it("keeps one instance name per embedded data directory across restarts", () => {
    const dataDir = tempDir();
    const first = resolveRuntimeInstance({ envInstance: undefined, dataDir, isEmbedded: true });
    expect(first).toMatch(/^studio-[\w-]{20,}$/);
    expect(resolveRuntimeInstance({ envInstance: undefined, dataDir, isEmbedded: true })).toBe(first);
    expect(readFileSync(path.join(dataDir, RUNTIME_INSTANCE_FILE), "utf8").trim()).toBe(first!.slice("studio-".length));
    expect(resolveRuntimeInstance({ envInstance: undefined, dataDir: tempDir(), isEmbedded: true })).not.toBe(first);
  });

  it("takes STUDIO_RUNTIME_INSTANCE as given, in either mode", () => {
    const dataDir = tempDir();
    expect(resolveRuntimeInstance({ envInstance: "web-0", dataDir, isEmbedded: false })).toBe("web-0");
    expect(resolveRuntimeInstance({ envInstance: "web-0", dataDir, isEmbedded: true })).toBe("web-0");
    expect(existsSync(path.join(dataDir, RUNTIME_INSTANCE_FILE))).toBe(false);
  });

  it("has none with an external database and no STUDIO_RUNTIME_INSTANCE: processes may share a folder", () => {
    const dataDir = tempDir();
    expect(resolveRuntimeInstance({ envInstance: undefined, dataDir, isEmbedded: false })).toBeUndefined();
    expect(existsSync(path.join(dataDir, RUNTIME_INSTANCE_FILE))).toBe(false);
  });
});

describe("createRuntimeOwner", () => {
  it("gives every start its own owner under the instance name", () => {
    const first = createRuntimeOwner("web-0");
    expect(first).toMatch(/^web-0#[0-9a-f-]{36}$/);
    expect(createRuntimeOwner("web-0")).not.toBe(first);
  });

  it("refuses an instance name with #, which would blur where the name ends", () => {
    expect(() => readEnv({ STUDIO_RUNTIME_INSTANCE: "web#0" })).toThrow(/STUDIO_RUNTIME_INSTANCE/);
  });
});
