import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { parseSkill } from "./parse-skill";

const name = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,20}$/);
const json = fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.parse(JSON.stringify(value)) as unknown);
const metadata = fc.option(fc.dictionary(fc.string({ maxLength: 8 }).filter((key) => key !== "__proto__"), json, { maxKeys: 4 }), { nil: undefined });
const tools = fc.array(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 4 });
// A body never starts or ends with blank space (parseSkill trims it) and any text may follow the front matter, even ---.
const body = fc.string({ maxLength: 200 }).map((text) => text.trim());

describe("parseSkill (property)", () => {
  it("gives back any front matter the yaml package writes (name, description, metadata, allowed-tools) and the body", () => {
    fc.assert(
      fc.property(name, fc.string({ maxLength: 60 }), metadata, tools, body, (skillName, description, skillMetadata, allowedTools, text) => {
        const frontMatter = stringify({ name: skillName, description, ...(skillMetadata === undefined ? {} : { metadata: skillMetadata }), "allowed-tools": allowedTools });
        const parsed = parseSkill(`---\n${frontMatter}---\n${text}`);
        expect(parsed).toEqual({ ok: true, value: { name: skillName, description: description.trim(), metadata: skillMetadata ?? null, allowedTools, body: text } });
      }),
      { numRuns: 300 },
    );
  });
});
