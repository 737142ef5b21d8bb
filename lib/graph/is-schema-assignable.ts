// Static compatibility of two port schemas, for the editor to refuse an edge before anything runs. It understands
// `type`, `enum`/`const`, `required`/`properties` and `items`; every other keyword (formats, lengths, anyOf, ...) is
// assumed to fit, so it only rejects a connection that is wrong on its face.
import { toCanonicalJson } from "./canonical-json";
import type { TJsonSchema } from "./node-type";

/** Does every value the source port may emit fit the target port? An absent schema means any value. */
export function isSchemaAssignable(source: TJsonSchema | undefined, target: TJsonSchema | undefined): boolean {
  if (!source || !target) return true;
  const targetTypes = getSchemaTypes(target);
  const sourceTypes = getSchemaTypes(source);
  if (targetTypes && sourceTypes && ![...sourceTypes].every((type) => acceptsType(targetTypes, type))) return false;

  const sourceValues = getSchemaValues(source);
  const targetValues = getSchemaValues(target);
  if (sourceValues && targetValues) {
    const allowed = new Set(targetValues.map(toCanonicalJson));
    if (!sourceValues.every((value) => allowed.has(toCanonicalJson(value)))) return false;
  }
  return isObjectAssignable(source, target) && isSchemaAssignable(asSchema(source.items), asSchema(target.items));
}

/** `string`, `integer | null`, `array<string>`, or `any` when the schema does not constrain the type. */
export function describeSchemaType(schema: TJsonSchema | undefined): string {
  const types = schema ? getSchemaTypes(schema) : undefined;
  if (!schema || !types) return "any";
  const items = asSchema(schema.items);
  return [...types].map((type) => (type === "array" && items && getSchemaTypes(items) ? `array<${describeSchemaType(items)}>` : type)).join(" | ");
}

function isObjectAssignable(source: TJsonSchema, target: TJsonSchema): boolean {
  const sourceProperties = asRecord(source.properties);
  // Without declared properties the source's shape is unknown: assume it fits.
  if (!sourceProperties) return true;
  const sourceRequired = asStrings(source.required);
  const isMissing = (key: string) => !Object.hasOwn(sourceProperties, key) && !sourceRequired.includes(key);
  if (asStrings(target.required).some(isMissing)) return false;
  const targetProperties = asRecord(target.properties) ?? {};
  return Object.keys(targetProperties)
    .filter((key) => Object.hasOwn(sourceProperties, key))
    .every((key) => isSchemaAssignable(asSchema(sourceProperties[key]), asSchema(targetProperties[key])));
}

/** The JSON types a schema allows; from its enum/const values when it lists them (they are more precise), else `type`. */
function getSchemaTypes(schema: TJsonSchema): Set<string> | undefined {
  const values = getSchemaValues(schema);
  if (values) return new Set(values.map(getJsonType));
  if (typeof schema.type === "string") return new Set([schema.type]);
  if (Array.isArray(schema.type)) return new Set(asStrings(schema.type));
  return undefined;
}

function getSchemaValues(schema: TJsonSchema): unknown[] | undefined {
  if (Object.hasOwn(schema, "const")) return [schema.const];
  return Array.isArray(schema.enum) ? schema.enum : undefined;
}

// An integer is a number, but a number is not necessarily an integer.
function acceptsType(targetTypes: Set<string>, type: string): boolean {
  return targetTypes.has(type) || (type === "integer" && targetTypes.has("number"));
}

function getJsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

// Boolean schemas (`true`/`false`) and malformed keywords count as "any": this check never guesses a rejection.
function asSchema(value: unknown): TJsonSchema | undefined {
  return asRecord(value);
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}
