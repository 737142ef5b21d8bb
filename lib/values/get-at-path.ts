/**
 * Reads `a.b.0.c` (or `a.b[0].c`) from a JSON value; undefined when any step is missing. Own properties only, so a
 * path can never reach a prototype.
 */
export function getAtPath(value: unknown, path: string): unknown {
  const parts = path.replace(/\[(\d+)\]/g, ".$1").split(".").filter(Boolean);
  let current: unknown = value;
  for (const part of parts) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
