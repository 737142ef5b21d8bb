import { describe, expect, it } from "vitest";
import { validateJsonValue } from "./json-schema";

const SCHEMA = {
  type: "object",
  properties: {
    name: { type: "string" },
    count: { type: "integer", minimum: 1 },
    list: { type: "array", items: { type: "object", properties: { "a/b": { enum: [1, 2] } }, required: ["id"] } },
    either: { anyOf: [{ type: "string" }, { type: "number" }] },
  },
  required: ["name"],
  additionalProperties: false,
};

describe("validateJsonValue", () => {
  it("accepts a valid value", () => {
    expect(validateJsonValue(SCHEMA, { name: "x", count: 2, list: [{ id: 1, "a/b": 2 }], either: 3 })).toEqual([]);
  });

  it("reports a missing required property at the path it should have", () => {
    expect(validateJsonValue(SCHEMA, {})).toEqual([{ path: ["name"], message: 'Required property "name" is missing', keyword: "required" }]);
  });

  it("reports only the nested cause, with a path whose array indexes are numbers and pointer escapes are undone", () => {
    expect(validateJsonValue(SCHEMA, { name: 1, list: [{ id: 1 }, { "a/b": 3 }] })).toEqual([
      { path: ["name"], message: "Expected string, got number", keyword: "type" },
      { path: ["list", 1, "id"], message: 'Required property "id" is missing', keyword: "required" },
      { path: ["list", 1, "a/b"], message: "Must be one of [1,2]", keyword: "enum" },
    ]);
  });

  it("keeps an object key that looks like an index a string", () => {
    expect(validateJsonValue({ type: "object", properties: { "0": { type: "string" } } }, { "0": 1 })[0]!.path).toEqual(["0"]);
  });

  it("summarises alternatives instead of listing every rejected branch", () => {
    expect(validateJsonValue(SCHEMA, { name: "x", either: true })).toEqual([
      { path: ["either"], message: "Does not match any of the allowed forms", keyword: "anyOf" },
    ]);
  });

  it("names a property that is not allowed and words other violations plainly", () => {
    expect(validateJsonValue(SCHEMA, { name: "x", count: 0, extra: 1 })).toEqual([
      { path: ["count"], message: "0 is less than 1", keyword: "minimum" },
      { path: ["extra"], message: 'Property "extra" is not allowed', keyword: "false" },
    ]);
  });

  it("follows $ref and does not change the schema it is given", () => {
    const schema = Object.freeze({ $defs: { id: { type: "string" } }, type: "array", items: { $ref: "#/$defs/id" } });
    expect(validateJsonValue(schema, ["a", 2])).toEqual([{ path: [1], message: "Expected string, got number", keyword: "type" }]);
    expect(validateJsonValue(schema, ["a"])).toEqual([]);
  });

  it("reports a schema it cannot apply instead of throwing", () => {
    const [error] = validateJsonValue({ $ref: "#/$defs/missing" }, 1);
    expect(error).toMatchObject({ path: [], keyword: "schema" });
    expect(error!.message).toContain("Could not be checked");
  });
});
