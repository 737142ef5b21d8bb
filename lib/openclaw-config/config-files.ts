// The uploaded files of an OpenClaw setup: the `openclaw.json` (the entry), files it `$include`s, and workspace
// files (AGENTS.md, SOUL.md, ...). Paths are relative, '/'-separated, as the user's folder had them.

export type TConfigFiles = {
  /** Path of the config among `files`, usually `openclaw.json`. */
  entry: string;
  files: Record<string, string>;
};

export type TParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** `target` seen from the folder of `from`, normalised (`a/b/../c` -> `a/c`); undefined when it leaves the upload. */
export function resolveRelativePath(from: string, target: string): string | undefined {
  const cleaned = target.replace(/\\/g, "/");
  if (cleaned.startsWith("/") || cleaned.startsWith("~")) return undefined;
  const parts = [...from.split("/").slice(0, -1), ...cleaned.split("/")];
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (resolved.length === 0) return undefined;
      resolved.pop();
      continue;
    }
    resolved.push(part);
  }
  return resolved.join("/");
}

export function isWorkspaceFile(path: string): boolean {
  return path.toLowerCase().endsWith(".md");
}
