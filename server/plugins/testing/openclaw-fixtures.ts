// Files of real @openclaw/* packages (fixtures/openclaw, copied unchanged from the published tarballs), read as a
// browser upload hands them over: as text.
import { readFileSync } from "node:fs";
import path from "node:path";

const OPENCLAW_FIXTURES = path.join(import.meta.dirname, "fixtures", "openclaw");

/** `readOpenClawFixture("discord/openclaw.plugin.json")`. */
export function readOpenClawFixture(relativePath: string): string {
  return readFileSync(path.join(OPENCLAW_FIXTURES, relativePath), "utf8");
}

/** A fixture manifest with the value at `path` replaced, as text: a real manifest with one mistake in it. */
export function withManifestValue(relativePath: string, path: readonly string[], value: unknown): string {
  const manifest = JSON.parse(readOpenClawFixture(relativePath)) as Record<string, unknown>;
  let parent = manifest;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  parent[path[path.length - 1]!] = value;
  return JSON.stringify(manifest);
}
