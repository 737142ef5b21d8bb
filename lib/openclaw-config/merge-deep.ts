export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `over` deep-merged onto `base`: objects merge key by key, anything else is replaced (later wins), as `$include` merges. */
export function mergeDeep(base: unknown, over: unknown): unknown {
  if (!isPlainObject(over) || !isPlainObject(base)) return over;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) merged[key] = key in base ? mergeDeep(base[key], value) : value;
  return merged;
}
