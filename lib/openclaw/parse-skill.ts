// Reads a SKILL.md (YAML front matter + Markdown) as palette metadata. Only the simple front matter skills use is
// understood: `key: value`, quoted values, and `>` / `|` blocks. Nothing is executed.
import type { TParseResult } from "./parse-openclaw-manifest";

export type TOpenClawSkill = { name: string; description: string; body: string };

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

export function parseSkill(markdown: string): TParseResult<TOpenClawSkill> {
  const match = FRONT_MATTER.exec(markdown);
  if (!match) return { ok: false, message: "SKILL.md must start with a --- front matter block naming the skill" };
  const fields = parseFrontMatter(match[1]!);
  const name = fields.name?.trim();
  if (!name) return { ok: false, message: "SKILL.md front matter: name is required" };
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/.test(name)) return { ok: false, message: "SKILL.md front matter: name must be letters, digits, '_', '.' or '-'" };
  return { ok: true, value: { name, description: (fields.description ?? "").trim(), body: match[2]!.trim().slice(0, 20_000) } };
}

function parseFrontMatter(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(lines[i]!);
    if (!line) continue;
    const [, key, value] = line as unknown as [string, string, string];
    if (value === ">" || value === "|" || value === ">-" || value === "|-") {
      const block: string[] = [];
      while (i + 1 < lines.length && /^(\s+|$)/.test(lines[i + 1]!)) block.push(lines[++i]!.trim());
      fields[key] = value.startsWith(">") ? block.join(" ").replace(/\s+/g, " ") : block.join("\n");
    } else {
      fields[key] = value.replace(/^(["'])(.*)\1$/, "$2");
    }
  }
  return fields;
}
