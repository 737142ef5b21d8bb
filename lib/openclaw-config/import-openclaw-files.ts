import { isWorkspaceFile, type TConfigFiles, type TParseResult } from "./config-files";
import { importConfigToGraph, type TOpenClawImport } from "./import-config-to-graph";
import { parseOpenClawConfig } from "./parse-openclaw-config";

/** Uploaded files -> graph: the config with its includes, and every Markdown file as a workspace file. */
export function importOpenClawFiles(files: TConfigFiles): TParseResult<TOpenClawImport> {
  const parsed = parseOpenClawConfig(files);
  if (!parsed.ok) return parsed;
  const workspaceFiles = Object.fromEntries(Object.entries(files.files).filter(([path]) => isWorkspaceFile(path) && path !== files.entry));
  return { ok: true, value: importConfigToGraph(parsed.value.config, workspaceFiles) };
}
