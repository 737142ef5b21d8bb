import { describe, expect, it } from "vitest";
import { validateJsonValue, type TJsonSchema } from "@/lib/graph";
import { ALL_CORE_NODE_DEFINITIONS } from "./core-node-definitions";

/** Every setting below `schema`, named by its path, nested objects and list items included. */
function listSettings(schema: TJsonSchema, path: string): { path: string; schema: TJsonSchema }[] {
  const properties = (schema.properties ?? {}) as Record<string, TJsonSchema>;
  return Object.entries(properties).flatMap(([key, property]) => {
    const items = property.items as TJsonSchema | undefined;
    return [{ path: `${path}.${key}`, schema: property }, ...listSettings(property, `${path}.${key}`), ...(items ? listSettings(items, `${path}.${key}[]`) : [])];
  });
}

describe("core node config schemas", () => {
  it("give every setting a title and a description, so the generated form speaks in words", () => {
    const settings = ALL_CORE_NODE_DEFINITIONS.flatMap((definition) => listSettings(definition.configSchema, definition.type));
    expect(settings.length).toBeGreaterThan(50);
    expect(settings.filter((setting) => typeof setting.schema.title !== "string").map((setting) => setting.path)).toEqual([]);
    const undescribed = settings.filter((setting) => typeof setting.schema.description !== "string" && !/^core\/mcp-tools\./.test(setting.path));
    expect(undescribed.map((setting) => setting.path)).toEqual([]);
  });

  it("keep examples and defaults valid against their own setting", () => {
    for (const definition of ALL_CORE_NODE_DEFINITIONS) {
      for (const setting of listSettings(definition.configSchema, definition.type)) {
        const values = [...((setting.schema.examples ?? []) as unknown[]), ...(setting.schema.default === undefined ? [] : [setting.schema.default])];
        for (const value of values) expect(validateJsonValue(setting.schema, value), `${setting.path}: ${JSON.stringify(value)}`).toEqual([]);
      }
    }
  });
});
