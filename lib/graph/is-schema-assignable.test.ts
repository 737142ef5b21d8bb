import { describe, expect, it } from "vitest";
import { describeSchemaType, isSchemaAssignable } from "./is-schema-assignable";

describe("isSchemaAssignable", () => {
  it("treats an absent schema or an absent type as any", () => {
    expect(isSchemaAssignable(undefined, { type: "string" })).toBe(true);
    expect(isSchemaAssignable({ type: "string" }, undefined)).toBe(true);
    expect(isSchemaAssignable({ description: "anything" }, { type: "string" })).toBe(true);
  });

  it("compares types, lists of types included", () => {
    expect(isSchemaAssignable({ type: "string" }, { type: "string" })).toBe(true);
    expect(isSchemaAssignable({ type: "object" }, { type: "string" })).toBe(false);
    expect(isSchemaAssignable({ type: "string" }, { type: ["string", "null"] })).toBe(true);
    expect(isSchemaAssignable({ type: ["string", "null"] }, { type: "string" })).toBe(false);
  });

  it("lets an integer into a number, not a number into an integer", () => {
    expect(isSchemaAssignable({ type: "integer" }, { type: "number" })).toBe(true);
    expect(isSchemaAssignable({ type: "number" }, { type: "integer" })).toBe(false);
  });

  it("requires the properties the target requires when the source declares its properties", () => {
    const target = { type: "object", required: ["url"] };
    expect(isSchemaAssignable({ type: "object", properties: { url: { type: "string" } } }, target)).toBe(true);
    expect(isSchemaAssignable({ type: "object", properties: { id: {} }, required: ["url"] }, target)).toBe(true);
    expect(isSchemaAssignable({ type: "object", properties: { id: {} } }, target)).toBe(false);
    expect(isSchemaAssignable({ type: "object" }, target)).toBe(true);
  });

  it("compares the schemas of properties both sides declare", () => {
    const source = { type: "object", properties: { n: { type: "number" } } };
    expect(isSchemaAssignable(source, { type: "object", properties: { n: { type: "string" } } })).toBe(false);
    expect(isSchemaAssignable(source, { type: "object", properties: { n: { type: "number" }, other: { type: "string" } } })).toBe(true);
  });

  it("compares array items", () => {
    expect(isSchemaAssignable({ type: "array", items: { type: "integer" } }, { type: "array", items: { type: "number" } })).toBe(true);
    expect(isSchemaAssignable({ type: "array", items: { type: "string" } }, { type: "array", items: { type: "number" } })).toBe(false);
    expect(isSchemaAssignable({ type: "array" }, { type: "array", items: { type: "number" } })).toBe(true);
  });

  it("checks enum and const values of the source against the target", () => {
    expect(isSchemaAssignable({ enum: ["a", "b"] }, { type: "string" })).toBe(true);
    expect(isSchemaAssignable({ enum: ["a", 1] }, { type: "string" })).toBe(false);
    expect(isSchemaAssignable({ type: "number", const: 3 }, { type: "integer" })).toBe(true);
    expect(isSchemaAssignable({ const: "a" }, { enum: ["a", "b"] })).toBe(true);
    expect(isSchemaAssignable({ const: "c" }, { enum: ["a", "b"] })).toBe(false);
  });
});

describe("describeSchemaType", () => {
  it("names the type for messages", () => {
    expect(describeSchemaType(undefined)).toBe("any");
    expect(describeSchemaType({})).toBe("any");
    expect(describeSchemaType({ type: "object" })).toBe("object");
    expect(describeSchemaType({ type: ["string", "null"] })).toBe("string | null");
    expect(describeSchemaType({ type: "array", items: { type: "string" } })).toBe("array<string>");
    expect(describeSchemaType({ enum: ["a", "b"] })).toBe("string");
  });
});
