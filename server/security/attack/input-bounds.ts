// Reads a procedure's zod input schemas and lists every place where a caller decides how big the value is: a string
// or array without a maximum, a record, an unknown. Inputs are bounded field by field, not only by the body cap.

type TZodLike = { _zod: { def: Record<string, unknown> & { type: string; checks?: TZodLike[] } } };

/** A regex that limits length: anchored at both ends, with no `*`, `+` or open `{n,}` repetition. */
function isBoundedPattern(pattern: RegExp): boolean {
  const source = pattern.source;
  return source.startsWith("^") && source.endsWith("$") && !/(?<!\\)[*+]|\{\d+,\}/.test(source);
}

function hasMaximum(schema: TZodLike): boolean {
  return (schema._zod.def.checks ?? []).some((check) => {
    const def = check._zod.def;
    return (def.check === "max_length" && typeof def.maximum === "number") || (def.check === "string_format" && def.pattern instanceof RegExp && isBoundedPattern(def.pattern));
  });
}

/** Paths (`field.sub[]`) whose size the caller chooses; `at` is where `schema` sits. */
export function findUnboundedInputs(schema: unknown, at = "input"): string[] {
  const { def } = (schema as TZodLike)._zod;
  const inner = (key: string, path = at) => findUnboundedInputs(def[key], path);
  switch (def.type) {
    case "string":
      return hasMaximum(schema as TZodLike) || (def.pattern instanceof RegExp && isBoundedPattern(def.pattern)) ? [] : [at];
    case "array":
      return [...(hasMaximum(schema as TZodLike) ? [] : [at]), ...inner("element", `${at}[]`)];
    case "object": {
      const shape = def.shape as Record<string, unknown>;
      const catchall = def.catchall as TZodLike | undefined;
      const extra = catchall && catchall._zod.def.type !== "never" ? [`${at}.*`] : [];
      return [...extra, ...Object.entries(shape).flatMap(([key, value]) => findUnboundedInputs(value, `${at}.${key}`))];
    }
    case "union":
      return [...new Set((def.options as unknown[]).flatMap((option) => findUnboundedInputs(option, at)))];
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "nonoptional":
      return inner("innerType");
    case "pipe":
      return inner("in");
    case "number":
    case "int":
    case "boolean":
    case "enum":
    case "literal":
    case "date":
    case "null":
    case "undefined":
    case "void":
      return [];
    default:
      // unknown, any, record, map, set: the caller chooses the size.
      return [at];
  }
}
