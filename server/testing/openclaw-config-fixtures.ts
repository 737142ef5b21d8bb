// The openclaw.json fixtures of lib/openclaw-config/fixtures, read as a browser upload would hand them over.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { TConfigFiles } from "@/lib/openclaw-config/config-files";

export const OPENCLAW_FIXTURES_DIR = path.resolve(import.meta.dirname, "../../lib/openclaw-config/fixtures");

/** Every single-file example copied from the openclaw package's docs, by file name. */
export function listDocsFixtures(): { name: string; files: TConfigFiles }[] {
  return readdirSync(OPENCLAW_FIXTURES_DIR)
    .filter((name) => name.endsWith(".json5"))
    .sort()
    .map((name) => ({ name, files: { entry: name, files: { [name]: readFileSync(path.join(OPENCLAW_FIXTURES_DIR, name), "utf8") } } }));
}

/** A fixture folder, every file keyed by its path inside it ('/'-separated), with `openclaw.json` as the entry. */
export function readFixtureFolder(folder: string): TConfigFiles {
  const root = path.join(OPENCLAW_FIXTURES_DIR, folder);
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[path.relative(root, full).split(path.sep).join("/")] = readFileSync(full, "utf8");
    }
  };
  walk(root);
  return { entry: "openclaw.json", files };
}
