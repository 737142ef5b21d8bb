import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PLUGIN_MANIFEST_FILE } from "@/lib/plugins/manifest";
import { PluginError } from "../plugin-error";

const MAX_FILES = 1_000;
const MAX_TOTAL_BYTES = 20 * 1024 * 1024;

/**
 * sha256 (hex) of every file of a plugin folder except its manifest, by posix relative path. Symbolic links and
 * special files are refused: a plugin is plain files, nothing that can point outside its folder.
 */
export function hashPluginFiles(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  let total = 0;
  const visit = (relative: string) => {
    const absolute = path.join(dir, relative);
    const stat = lstatSync(absolute);
    if (stat.isSymbolicLink()) throw new PluginError("UNSAFE_FILE", `${relative} is a symbolic link; plugins may contain plain files only`);
    if (stat.isDirectory()) {
      for (const child of readdirSync(absolute).sort()) visit(relative ? `${relative}/${child}` : child);
      return;
    }
    if (!stat.isFile()) throw new PluginError("UNSAFE_FILE", `${relative} is not a regular file`);
    if (relative === PLUGIN_MANIFEST_FILE) return;
    total += stat.size;
    if (Object.keys(hashes).length >= MAX_FILES || total > MAX_TOTAL_BYTES) {
      throw new PluginError("TOO_LARGE", `A plugin holds at most ${MAX_FILES} files and ${MAX_TOTAL_BYTES / 1024 / 1024} MB`);
    }
    hashes[relative] = createHash("sha256").update(readFileSync(absolute)).digest("hex");
  };
  visit("");
  return hashes;
}

/** Names the first difference between two file-hash maps, or undefined when they are equal. */
export function describeFileDifference(expected: Record<string, string>, actual: Record<string, string>): string | undefined {
  for (const [file, hash] of Object.entries(expected)) {
    if (!(file in actual)) return `${file} is missing`;
    if (actual[file] !== hash) return `${file} was changed (its sha256 differs)`;
  }
  const extra = Object.keys(actual).find((file) => !(file in expected));
  return extra ? `${extra} was added` : undefined;
}
