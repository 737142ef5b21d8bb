import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { getMasterKey, loadMasterKey, setMasterKey } from "./master-key";

const dirs: string[] = [];

function createDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "studio-master-key-"));
  dirs.push(dir);
  return path.join(dir, "data");
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("loadMasterKey", () => {
  it("uses STUDIO_MASTER_KEY when set, in either mode, and writes no file", () => {
    const key = randomBytes(32);
    const dataDir = createDataDir();
    expect(loadMasterKey({ envKey: key.toString("base64"), dataDir, isEmbedded: true }).equals(key)).toBe(true);
    expect(loadMasterKey({ envKey: key.toString("base64"), dataDir, isEmbedded: false }).equals(key)).toBe(true);
    expect(existsSync(path.join(dataDir, "master-key"))).toBe(false);
  });

  it("refuses an env key that is not 32 bytes", () => {
    const envKey = randomBytes(16).toString("base64");
    expect(() => loadMasterKey({ envKey, dataDir: createDataDir(), isEmbedded: true })).toThrow(/STUDIO_MASTER_KEY must be 32 bytes/);
  });

  it("generates a key once in embedded mode, owner-only, and reuses it", () => {
    const dataDir = createDataDir();
    const first = loadMasterKey({ envKey: undefined, dataDir, isEmbedded: true });
    const second = loadMasterKey({ envKey: undefined, dataDir, isEmbedded: true });
    expect(first).toHaveLength(32);
    expect(second.equals(first)).toBe(true);
    const file = path.join(dataDir, "master-key");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, "utf8").trim(), "base64url").equals(first)).toBe(true);
  });

  it("refuses a damaged key file instead of replacing it", () => {
    const dataDir = createDataDir();
    loadMasterKey({ envKey: undefined, dataDir, isEmbedded: true });
    writeFileSync(path.join(dataDir, "master-key"), "too-short\n");
    expect(() => loadMasterKey({ envKey: undefined, dataDir, isEmbedded: true })).toThrow(/master-key must be 32 bytes/);
  });

  it("tells the operator to set STUDIO_MASTER_KEY with an external database", () => {
    const dataDir = createDataDir();
    expect(() => loadMasterKey({ envKey: undefined, dataDir, isEmbedded: false })).toThrow(/STUDIO_MASTER_KEY is not set.*openssl rand -base64 32/s);
    expect(existsSync(dataDir)).toBe(false);
  });
});

describe("master key holder", () => {
  it("refuses to answer before start-up set it, then returns the key it was given", () => {
    expect(() => getMasterKey()).toThrow(/master key is not loaded/);
    const key = randomBytes(32);
    setMasterKey(key);
    expect(getMasterKey().equals(key)).toBe(true);
    expect(() => setMasterKey(randomBytes(31))).toThrow(/32 bytes/);
  });
});
