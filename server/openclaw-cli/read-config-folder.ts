// The files an import uploads: the openclaw.json, the files it `$include`s (followed from the config itself, so
// nothing else of ~/.openclaw, such as session stores, leaves the machine), and the workspace Markdown files
// (AGENTS.md, SOUL.md ...) of its folder and the folders under it, keyed by their path inside the config's folder.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { resolveRelativePath } from "@/lib/openclaw-config/config-files";
import { isPlainObject } from "@/lib/openclaw-config/merge-deep";
import { parseJson5File } from "@/lib/openclaw-config/parse-json5-file";

const MAX_FILES = 64;
const MAX_MARKDOWN_DEPTH = 2;

export type TUploadedFiles = { entry: string; files: { path: string; content: string }[] };

export function readConfigFolder(file: string): TUploadedFiles {
  const root = path.dirname(path.resolve(file));
  const entry = path.basename(file);
  const files = new Map<string, string>();
  const pending = [entry];
  while (pending.length > 0 && files.size < MAX_FILES) {
    const relative = pending.shift()!;
    const full = path.join(root, relative);
    if (files.has(relative) || !existsSync(full)) continue;
    const content = readFileSync(full, "utf8");
    files.set(relative, content);
    const parsed = parseJson5File(relative, content);
    if (parsed.ok) pending.push(...findIncludes(parsed.value).map((target) => resolveRelativePath(relative, target)).filter((target): target is string => target !== undefined));
  }
  const walk = (dir: string, depth: number) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith(".") || name === "node_modules") continue;
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (depth < MAX_MARKDOWN_DEPTH) walk(full, depth + 1);
      } else if (name.toLowerCase().endsWith(".md") && files.size < MAX_FILES) {
        files.set(path.relative(root, full).split(path.sep).join("/"), readFileSync(full, "utf8"));
      }
    }
  };
  walk(root, 0);
  return { entry, files: [...files].map(([filePath, content]) => ({ path: filePath, content })) };
}

/** Every `$include` target written in a parsed file. */
function findIncludes(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(findIncludes);
  if (!isPlainObject(value)) return [];
  const own = value.$include;
  const targets = typeof own === "string" ? [own] : Array.isArray(own) ? own.filter((item): item is string => typeof item === "string") : [];
  return [...targets, ...Object.entries(value).filter(([key]) => key !== "$include").flatMap(([, item]) => findIncludes(item))];
}
