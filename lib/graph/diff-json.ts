export type TJsonChange = { path: (string | number)[]; before: unknown; after: unknown };

/**
 * The leaf-level differences between two JSON values: objects key by key, arrays index by index; a key or index only
 * one side has is reported with `undefined` on the other. Values of different kinds are one change at their path.
 * Recursive: callers pass validated specs, whose nesting is bounded (GRAPH_LIMITS.maxDepth).
 */
export function diffJson(before: unknown, after: unknown, path: (string | number)[] = []): TJsonChange[] {
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, index) => diffJson(before[index], after[index], [...path, index])).flat();
  }
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((key) => !Object.hasOwn(before, key))];
    return keys.flatMap((key) => diffJson(before[key], after[key], [...path, key]));
  }
  return before === after ? [] : [{ path, before, after }];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
