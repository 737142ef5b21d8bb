import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RUNTIME_OWNER_FILE, resolveRuntimeOwner } from "./runtime-owner";

describe("resolveRuntimeOwner", () => {
  it("keeps one owner per embedded data directory across restarts", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "studio-owner-"));
    const first = resolveRuntimeOwner({ envOwner: undefined, dataDir, isEmbedded: true });
    expect(first).toMatch(/^studio-.{20,}$/);
    expect(resolveRuntimeOwner({ envOwner: undefined, dataDir, isEmbedded: true })).toBe(first);
    expect(readFileSync(path.join(dataDir, RUNTIME_OWNER_FILE), "utf8").trim()).toBe(first!.slice("studio-".length));
    expect(resolveRuntimeOwner({ envOwner: undefined, dataDir: mkdtempSync(path.join(tmpdir(), "studio-owner-")), isEmbedded: true })).not.toBe(first);
  });

  it("takes STUDIO_RUNTIME_OWNER as given, in either mode", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "studio-owner-"));
    expect(resolveRuntimeOwner({ envOwner: "web-0", dataDir, isEmbedded: false })).toBe("web-0");
    expect(resolveRuntimeOwner({ envOwner: "web-0", dataDir, isEmbedded: true })).toBe("web-0");
    expect(existsSync(path.join(dataDir, RUNTIME_OWNER_FILE))).toBe(false);
  });

  it("leaves the owner random with an external database and no STUDIO_RUNTIME_OWNER: processes may share a folder", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "studio-owner-"));
    expect(resolveRuntimeOwner({ envOwner: undefined, dataDir, isEmbedded: false })).toBeUndefined();
    expect(existsSync(path.join(dataDir, RUNTIME_OWNER_FILE))).toBe(false);
  });
});
