// The one door to @cfworker/json-schema: it validates by interpreting the schema (no generated code, so no eval and
// no CSP trouble in the browser), which is why lib/ may use it. Everything else in lib/ calls validateJsonValue.
import { Validator, type OutputUnit } from "@cfworker/json-schema";
import type { TJsonSchema } from "./node-type";

export type TJsonValueError = {
  /** Where in the value; for a missing property, the path the property should have. */
  path: (string | number)[];
  /** A short sentence for a user, e.g. `Expected string, got number`. */
  message: string;
  /** The JSON Schema keyword that failed, e.g. "type" or "required". */
  keyword: string;
};

// These keywords only announce that a subschema failed ("Property "a" does not match schema."); the nested errors that
// follow them say what is wrong, so the announcement is dropped.
const WRAPPER_KEYWORDS = new Set(["properties", "patternProperties", "additionalProperties", "unevaluatedProperties", "items", "prefixItems", "additionalItems", "unevaluatedItems", "$ref", "$recursiveRef", "allOf", "if", "dependentSchemas"]);
// For alternatives the nested errors are those of every rejected branch, which confuse more than they help: keep the
// summary, drop what is nested under it.
const SUMMARY_KEYWORDS = new Set(["anyOf", "oneOf", "not", "propertyNames"]);

// Schemas are immutable plain data, so one validator per schema object serves every node of that type. The schema is
// cloned because the library annotates the objects it is given (and a frozen registry entry would make it throw).
const validators = new WeakMap<TJsonSchema, Validator>();

/** Validates a JSON value against a JSON Schema (draft 2020-12) and lists every problem, deepest cause first. */
export function validateJsonValue(schema: TJsonSchema, value: unknown): TJsonValueError[] {
  let units: OutputUnit[];
  try {
    units = getValidator(schema).validate(value).errors;
  } catch (error) {
    // A broken schema (bad $ref, bad pattern) or a non-JSON value: report it rather than crash the editor or the run.
    // Only the first line: an unresolved $ref message goes on to list every known schema URI.
    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0];
    return [{ path: [], message: `Could not be checked: ${reason}`, keyword: "schema" }];
  }
  const errors: TJsonValueError[] = [];
  const seen = new Set<string>();
  let summaryLocation: string | undefined;
  units.forEach((unit, index) => {
    if (summaryLocation !== undefined && unit.keywordLocation.startsWith(`${summaryLocation}/`)) return;
    summaryLocation = SUMMARY_KEYWORDS.has(unit.keyword) ? unit.keywordLocation : undefined;
    // A unit directly followed by one nested under it announces that nested one (e.g. `dependencies` with a schema).
    const isAnnouncement = WRAPPER_KEYWORDS.has(unit.keyword) || units[index + 1]?.keywordLocation.startsWith(`${unit.keywordLocation}/`);
    if (summaryLocation === undefined && isAnnouncement) return;
    const error = toValueError(unit, value);
    const key = JSON.stringify([error.path, error.message]);
    if (!seen.has(key)) errors.push(error);
    seen.add(key);
  });
  return errors;
}

function getValidator(schema: TJsonSchema): Validator {
  let validator = validators.get(schema);
  if (!validator) {
    validator = new Validator(structuredClone(schema), "2020-12", false);
    validators.set(schema, validator);
  }
  return validator;
}

function toValueError(unit: OutputUnit, value: unknown): TJsonValueError {
  const path = toPath(unit.instanceLocation, value);
  if (unit.keyword === "required") {
    const key = /required property "(.*)"\.$/.exec(unit.error)?.[1] ?? "";
    return { path: [...path, key], message: `Required property "${key}" is missing`, keyword: "required" };
  }
  return { path, message: describeUnit(unit, path), keyword: unit.keyword };
}

/** Rewords the library's messages (pinned version, see package.json) from "Instance ..." into plain sentences. */
function describeUnit(unit: OutputUnit, path: (string | number)[]): string {
  const type = /^Instance type "(\w+)" is invalid\. Expected "(.+)"\.$/.exec(unit.error);
  if (type) return `Expected ${type[2]!.split('", "').join(" or ")}, got ${type[1]}`;
  const last = path[path.length - 1];
  if (unit.keyword === "false") return typeof last === "string" ? `Property "${last}" is not allowed` : "Not allowed here";
  if (unit.keyword === "anyOf") return "Does not match any of the allowed forms";
  if (unit.keyword === "oneOf") return "Must match exactly one of the allowed forms";
  const oneOf = /^Instance does not match any of (.*)\.$/.exec(unit.error);
  if (oneOf) return `Must be one of ${oneOf[1]}`;
  const constant = /^Instance does not match (.*)\.$/.exec(unit.error);
  if (unit.keyword === "const" && constant) return `Must be ${constant[1]}`;
  return unit.error.replace(/^Instance /, "The value ").replace(/\.$/, "");
}

/**
 * "#/list/0/x~1y" -> ["list", 0, "x/y"]. A segment is a number only where the value holds an array, so an object
 * key "0" stays a string.
 */
function toPath(instanceLocation: string, value: unknown): (string | number)[] {
  const path: (string | number)[] = [];
  let current = value;
  for (const encoded of instanceLocation.split("/").slice(1)) {
    const segment = decodeURIComponent(encoded).replace(/~1/g, "/").replace(/~0/g, "~");
    const part = Array.isArray(current) && /^\d+$/.test(segment) ? Number(segment) : segment;
    path.push(part);
    current = current !== null && typeof current === "object" ? (current as Record<string | number, unknown>)[part] : undefined;
  }
  return path;
}
