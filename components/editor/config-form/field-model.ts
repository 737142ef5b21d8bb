import type { TJsonSchema } from "@/lib/graph";
import { formatValue, labelFromKey, labelFromValue } from "./field-words";

/**
 * UI hints a node type may give a setting (studio manifests and OpenClaw `uiHints` alike): `label`, `help` and
 * `placeholder` override the schema's words, `sensitive` (OpenClaw) or `widget: "secret"` pick a workspace secret,
 * `advanced` (OpenClaw) puts the setting in its group's collapsed "Advanced" section, `widget: "code"` with a
 * `language` edits code, `addItems` offers ready-made items for a list ("Add a tool-call turn"), `globals` documents
 * the names a code field can use. Hints are keyed by path: "auth.password", "turns.[].toolCalls"; OpenClaw writes a
 * list item or map entry as `*` ("allowFrom.*"), which is read the same.
 */
export type TFieldHint = {
  widget?: string;
  label?: string;
  help?: string;
  placeholder?: string;
  sensitive?: boolean;
  advanced?: boolean;
  language?: string;
  itemTitle?: string;
  addItems?: { label: string; value: unknown }[];
  globals?: Record<string, string>;
};

type TFieldBase = {
  /** The property name, or "" for a list item or a choice's variant. */
  key: string;
  label: string;
  description?: string;
  /** Example values, as the user would type them. */
  examples: string[];
  /** The default the node uses when the setting is left empty. */
  defaultText?: string;
  isRequired: boolean;
  /** OpenClaw `advanced`: shown in the collapsed "Advanced" section of its group. */
  isAdvanced: boolean;
  placeholder?: string;
};

export type TFieldModel = TFieldBase &
  (
    | { kind: "text"; isMultiline: boolean }
    | { kind: "number"; isInteger: boolean; minimum?: number; maximum?: number }
    | { kind: "boolean" }
    | { kind: "select"; options: { label: string; value: unknown }[] }
    | { kind: "secret" }
    | { kind: "code"; language: "javascript" | "json"; globals?: Record<string, string> }
    | { kind: "object"; fields: TFieldModel[] }
    | { kind: "list"; itemTitle: string; item: TFieldModel; addItems: { label: string; value: unknown }[] }
    | { kind: "choice"; variants: TVariant[] }
  );

export type TVariant = { label: string; schema: TJsonSchema; field: TFieldModel };

const MULTILINE_MIN_LENGTH = 2_000;

/**
 * The form of a node type's config: one field per property of its config schema, in schema order, except those the
 * hints hide (a node type's own inspector section edits them). Pure; the inspector builds it once per node type.
 */
export function toConfigFields(configSchema: TJsonSchema, uiHints: Record<string, unknown> | undefined): TFieldModel[] {
  const model = toFieldModel(configSchema, { key: "", isRequired: true, hints: uiHints ?? {}, hintPath: "" });
  return model.kind === "object" ? model.fields : [];
}

type TBuildOptions = { key: string; isRequired: boolean; hints: Record<string, unknown>; hintPath: string; fallbackLabel?: string };

export function toFieldModel(schema: TJsonSchema, options: TBuildOptions): TFieldModel {
  const hint = hintAt(options.hints, options.hintPath) ?? {};
  const base = describe(schema, hint, options);
  const variants = (schema.oneOf ?? schema.anyOf) as TJsonSchema[] | undefined;
  const type = primaryType(schema);

  if (hint.widget === "secret" || hint.sensitive === true) return { ...base, kind: "secret" };
  if (hint.widget === "code") return { ...base, kind: "code", language: hint.language === "json" ? "json" : "javascript", globals: hint.globals };
  if (Array.isArray(schema.enum)) return { ...base, kind: "select", options: schema.enum.map((value) => ({ label: labelFromValue(value), value })) };
  if (variants && variants.length > 0 && variants.every((variant) => "const" in variant)) {
    return { ...base, kind: "select", options: variants.map((variant) => ({ label: typeof variant.title === "string" ? variant.title : labelFromValue(variant.const), value: variant.const })) };
  }
  if (variants && variants.length > 0) {
    return {
      ...base,
      kind: "choice",
      variants: variants.map((variant, index) => ({
        label: typeof variant.title === "string" ? variant.title : describeVariant(variant, index),
        schema: variant,
        field: toFieldModel(variant, { ...options, key: "", isRequired: true, fallbackLabel: base.label }),
      })),
    };
  }
  if (type === "boolean") return { ...base, kind: "boolean" };
  if (type === "integer" || type === "number") {
    return { ...base, kind: "number", isInteger: type === "integer", minimum: asNumber(schema.minimum), maximum: asNumber(schema.maximum) };
  }
  if (type === "string") {
    const maxLength = asNumber(schema.maxLength);
    return { ...base, kind: "text", isMultiline: hint.widget === "textarea" || (maxLength !== undefined && maxLength >= MULTILINE_MIN_LENGTH) };
  }
  const properties = schema.properties as Record<string, TJsonSchema> | undefined;
  if (type === "object" && properties && Object.keys(properties).length > 0) {
    const required = new Set((schema.required ?? []) as string[]);
    const fields = Object.entries(properties)
      .filter(([key]) => hintAt(options.hints, joinHintPath(options.hintPath, key))?.widget !== "hidden")
      .map(([key, property]) => toFieldModel(property, { key, isRequired: required.has(key), hints: options.hints, hintPath: joinHintPath(options.hintPath, key) }));
    return { ...base, kind: "object", fields };
  }
  const items = schema.items as TJsonSchema | undefined;
  if (type === "array" && items && typeof items === "object" && isFormable(items)) {
    const item = toFieldModel(items, { key: "", isRequired: true, hints: options.hints, hintPath: joinHintPath(options.hintPath, "[]"), fallbackLabel: hint.itemTitle });
    const itemTitle = hint.itemTitle ?? (typeof items.title === "string" ? items.title : "item");
    const addItems = hint.addItems ?? [{ label: `Add ${itemTitle.toLowerCase()}`, value: emptyValueOf(items) }];
    return { ...base, kind: "list", itemTitle, item, addItems };
  }
  // Free JSON: no type, an object without named properties (a JSON Schema, a header map), an array of anything.
  return { ...base, kind: "code", language: "json" };
}

/**
 * A starting value for a new list item or a newly chosen form: its default, its first allowed value, or an empty value
 * of its type with required properties filled the same way, so the form shows them.
 */
export function emptyValueOf(schema: TJsonSchema): unknown {
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if ("const" in schema) return schema.const;
  const type = primaryType(schema);
  if (type === "string") return "";
  if (type === "integer" || type === "number") return asNumber(schema.minimum) ?? 0;
  if (type === "boolean") return false;
  if (type === "array") return [];
  if (type === "object") {
    const properties = (schema.properties ?? {}) as Record<string, TJsonSchema>;
    const required = (schema.required ?? []) as string[];
    return Object.fromEntries(required.filter((key) => properties[key]).map((key) => [key, emptyValueOf(properties[key]!)]));
  }
  return undefined;
}

function describe(schema: TJsonSchema, hint: TFieldHint, options: TBuildOptions): TFieldBase {
  const examples = Array.isArray(schema.examples) ? schema.examples.map(formatValue) : [];
  const title = typeof schema.title === "string" ? schema.title : undefined;
  const description = hint.help ?? (typeof schema.description === "string" ? schema.description : undefined);
  return {
    key: options.key,
    label: hint.label ?? title ?? (options.key ? labelFromKey(options.key) : options.fallbackLabel ?? "Value"),
    description,
    examples,
    defaultText: schema.default === undefined ? undefined : formatValue(schema.default),
    isRequired: options.isRequired && options.key !== "",
    isAdvanced: hint.advanced === true,
    placeholder: hint.placeholder ?? (schema.default === undefined || typeof schema.default === "object" ? undefined : String(schema.default)),
  };
}

function describeVariant(variant: TJsonSchema, index: number): string {
  if (Array.isArray(variant.enum)) return variant.enum.map(labelFromValue).join(" or ");
  const type = primaryType(variant);
  const words: Record<string, string> = { integer: "A whole number", number: "A number", string: "Text", boolean: "Yes or no", object: "An object", array: "A list" };
  return (type && words[type]) ?? `Option ${index + 1}`;
}

/** Items a repeatable group can show as fields; others (arrays of anything) are edited as JSON. */
function isFormable(items: TJsonSchema): boolean {
  const type = primaryType(items);
  return type === "object" ? Object.keys((items.properties ?? {}) as object).length > 0 : type === "string" || type === "number" || type === "integer";
}

function primaryType(schema: TJsonSchema): string | undefined {
  const type = schema.type;
  if (typeof type === "string") return type;
  if (Array.isArray(type)) return type.find((entry) => entry !== "null") as string | undefined;
  if (schema.properties) return "object";
  return undefined;
}

/** Splits a group's fields into those shown and those behind its collapsed "Advanced" section, each in schema order. */
export function splitAdvanced(fields: readonly TFieldModel[]): { basic: TFieldModel[]; advanced: TFieldModel[] } {
  return { basic: fields.filter((field) => !field.isAdvanced), advanced: fields.filter((field) => field.isAdvanced) };
}

function hintAt(hints: Record<string, unknown>, path: string): TFieldHint | undefined {
  const hint = hints[path] ?? hints[path.replaceAll("[]", "*")];
  return hint !== null && typeof hint === "object" ? (hint as TFieldHint) : undefined;
}

function joinHintPath(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}

function asNumber(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}
