// Reads a SKILL.md (YAML front matter + Markdown) as palette metadata with the `yaml` package (core schema: plain
// data, no custom tags, aliases bounded). Nothing is executed.
import { parse, YAMLParseError } from "yaml";
import type { TParseResult } from "./parse-openclaw-manifest";

export type TOpenClawSkill = {
  name: string;
  description: string;
  /** The front matter's `metadata` (OpenClaw keeps `{ openclaw: { emoji, requires ... } }` there), as written. */
  metadata: Record<string, unknown> | null;
  /** `allowed-tools`: a YAML list, or the comma-separated text other skill formats use. */
  allowedTools: string[];
  /** The Markdown after the front matter. */
  body: string;
};

const FRONT_MATTER = /^---\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)([\s\S]*)$/;
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;

export function parseSkill(markdown: string): TParseResult<TOpenClawSkill> {
  const match = FRONT_MATTER.exec(markdown.replace(/^\uFEFF/, ""));
  if (!match) return { ok: false, message: "SKILL.md must start with a --- front matter block naming the skill" };
  let fields: unknown;
  try {
    fields = parse(match[1] ?? "", { schema: "core", maxAliasCount: 50, uniqueKeys: true });
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    // +1: the opening `---` is line 1 of the file.
    const line = error.linePos?.[0]?.line;
    return { ok: false, message: `SKILL.md front matter${line ? ` (line ${line + 1})` : ""}: ${error.message.split("\n")[0]}` };
  }
  if (!isObject(fields)) return { ok: false, message: "SKILL.md front matter must be a YAML mapping (key: value lines)" };
  const name = typeof fields.name === "string" ? fields.name.trim() : "";
  if (!name) return { ok: false, message: "SKILL.md front matter: name is required" };
  if (!NAME.test(name)) return { ok: false, message: "SKILL.md front matter: name must be letters, digits, '_', '.' or '-'" };
  if (fields.description !== undefined && typeof fields.description !== "string") return { ok: false, message: "SKILL.md front matter: description must be text" };
  if (fields.metadata !== undefined && fields.metadata !== null && !isObject(fields.metadata)) return { ok: false, message: "SKILL.md front matter: metadata must be a mapping" };
  const allowedTools = readAllowedTools(fields["allowed-tools"]);
  if (!allowedTools) return { ok: false, message: "SKILL.md front matter: allowed-tools must be a list of tool names or comma-separated text" };
  return {
    ok: true,
    value: {
      name,
      description: ((fields.description as string | undefined) ?? "").trim(),
      metadata: isObject(fields.metadata) ? fields.metadata : null,
      allowedTools,
      body: match[2]!.trim(),
    },
  };
}

function readAllowedTools(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  if (typeof value === "string") return value.split(/,\s*|\s+(?![^(]*\))/).map((tool) => tool.trim()).filter(Boolean);
  if (Array.isArray(value) && value.every((tool) => typeof tool === "string")) return value;
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
