import { JSON_SCHEMA_DRAFT_07 } from "./json-schema-draft-07";
import { validateJsonValue } from "./json-schema";

export type TSchemaProblem = {
  /** Where in the schema, e.g. ["properties", "token", "type"]. */
  path: (string | number)[];
  message: string;
};

/**
 * The first reason a value is not a usable JSON Schema (draft-07 meta-schema, with a `pattern` that must be a regular
 * expression), or undefined. Checks data only, so an imported manifest is refused before anything builds a form from it.
 */
export function findJsonSchemaProblem(schema: unknown): TSchemaProblem | undefined {
  const [first] = validateJsonValue(JSON_SCHEMA_DRAFT_07, schema);
  if (!first) return undefined;
  const keyword = first.path[first.path.length - 1];
  if (keyword === "type" && first.keyword === "anyOf") {
    return { path: first.path, message: "must be a JSON type (string, number, integer, boolean, object, array, null) or a list of them" };
  }
  // `items` and `dependencies` take a schema or a list: the meta-schema only says neither form fits, so look inside.
  const value = valueAt(schema, first.path);
  if (first.keyword === "anyOf" && value !== null && typeof value === "object") {
    const inner = Array.isArray(value) ? value.map((item, index) => prefixed(index, findJsonSchemaProblem(item))).find(Boolean) : findJsonSchemaProblem(value);
    if (inner) return { path: [...first.path, ...inner.path], message: inner.message };
  }
  return { path: first.path, message: first.message.charAt(0).toLowerCase() + first.message.slice(1) };
}

function prefixed(index: number, problem: TSchemaProblem | undefined): TSchemaProblem | undefined {
  return problem && { path: [index, ...problem.path], message: problem.message };
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((current, part) => (current !== null && typeof current === "object" ? (current as Record<string | number, unknown>)[part] : undefined), value);
}

/** `["properties", "a b", 0]` -> `properties["a b"][0]`: a path as a reader finds it in the file. */
export function formatSchemaPath(path: readonly (string | number)[]): string {
  return path
    .map((part, index) => {
      if (typeof part === "number") return `[${part}]`;
      if (/^[A-Za-z_$][\w$-]*$/.test(part)) return index === 0 ? part : `.${part}`;
      return `[${JSON.stringify(part)}]`;
    })
    .join("");
}
