/** Keys that can reach an object's prototype when a parsed value is copied or merged. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export type TUnsafeJsonProblem = { code: "FORBIDDEN_KEY" | "TOO_DEEP"; message: string; path: (string | number)[] };

/**
 * Walks a parsed JSON value and reports the first prototype-reaching key or the first place deeper than `maxDepth`.
 * Iterative, so a hostile, deeply nested value cannot overflow the stack.
 */
export function findUnsafeJson(value: unknown, maxDepth: number): TUnsafeJsonProblem | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (current === null || typeof current !== "object") continue;
    if (path.length > maxDepth) {
      return { code: "TOO_DEEP", message: `Nested deeper than ${maxDepth} levels`, path };
    }
    if (Array.isArray(current)) {
      current.forEach((item, index) => stack.push({ value: item, path: [...path, index] }));
      continue;
    }
    for (const key of Object.keys(current)) {
      if (FORBIDDEN_KEYS.has(key)) {
        return { code: "FORBIDDEN_KEY", message: `The key "${key}" is not allowed`, path: [...path, key] };
      }
      stack.push({ value: (current as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return undefined;
}
