import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findJsonSchemaProblem, formatSchemaPath } from "./check-json-schema";

describe("findJsonSchemaProblem", () => {
  it("accepts draft-07 schemas with nesting, refs, alternatives and 2020-12 keywords", () => {
    expect(findJsonSchemaProblem({ type: "object", properties: { a: { type: ["string", "null"], pattern: "^\\d+$" }, b: { $ref: "#/$defs/b" } }, $defs: { b: { anyOf: [{ const: 1 }, { enum: ["x"] }] } }, required: ["a"] })).toBeUndefined();
    expect(findJsonSchemaProblem(true)).toBeUndefined();
  });

  it("names the first mistake by its path inside the schema", () => {
    expect(findJsonSchemaProblem({ properties: { a: { type: "strin" } } })).toEqual({ path: ["properties", "a", "type"], message: "must be a JSON type (string, number, integer, boolean, object, array, null) or a list of them" });
    expect(findJsonSchemaProblem({ items: [{ minLength: -1 }] })).toEqual({ path: ["items", 0, "minLength"], message: "-1 is less than 0" });
    expect(findJsonSchemaProblem({ properties: { list: { items: { type: "strin" } } } })?.path).toEqual(["properties", "list", "items", "type"]);
    expect(findJsonSchemaProblem({ properties: [] })).toEqual({ path: ["properties"], message: "expected object, got array" });
    expect(findJsonSchemaProblem({ pattern: "(" })?.path).toEqual(["pattern"]);
    expect(findJsonSchemaProblem("object")).toMatchObject({ path: [] });
  });
});

describe("formatSchemaPath", () => {
  it("writes keys as a reader finds them in the file", () => {
    expect(formatSchemaPath(["channelConfigs", "discord", "schema", "properties", "a b", "items", 0])).toBe('channelConfigs.discord.schema.properties["a b"].items[0]');
  });

  it("reads back as the same path (property)", () => {
    const part = fc.oneof(fc.string({ maxLength: 6 }), fc.nat(99));
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 6 }).filter((key) => /^[A-Za-z_$][\w$-]*$/.test(key)), fc.array(part, { maxLength: 5 }), (first, rest) => {
        const written = formatSchemaPath([first, ...rest]);
        const read = [...written.matchAll(/(?:^|\.)([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)].map((match) => (match[1] ?? (match[2] !== undefined ? Number(match[2]) : JSON.parse(match[3]!))));
        expect(read).toEqual([first, ...rest]);
      }),
    );
  });
});
