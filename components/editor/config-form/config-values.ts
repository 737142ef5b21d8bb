import { validateJsonValue, type TGraphProblem, type TJsonSchema } from "@/lib/graph";
import type { TVariant } from "./field-model";

export type TConfigPath = (string | number)[];

/**
 * `config` with `value` at `path`, copied along the path only. An empty value (undefined, "") removes an object's
 * property, so the node falls back to its default; in a list it stays in place, keeping the other items' positions.
 */
export function setAtPath(config: Record<string, unknown>, path: TConfigPath, value: unknown): Record<string, unknown> {
  return setIn(config, path, value) as Record<string, unknown>;
}

function setIn(container: unknown, path: TConfigPath, value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (typeof head === "number") {
    const list = Array.isArray(container) ? [...container] : [];
    list[head] = setIn(list[head], rest, value);
    return list;
  }
  const object = container !== null && typeof container === "object" && !Array.isArray(container) ? { ...(container as Record<string, unknown>) } : {};
  const next = setIn(object[head], rest, value);
  // An optional group emptied field by field goes away with its last field; an empty object typed as JSON stays.
  const isEmptiedGroup = rest.length > 0 && next !== null && typeof next === "object" && !Array.isArray(next) && Object.keys(next).length === 0;
  if (next === undefined || next === "" || isEmptiedGroup) delete object[head];
  else object[head] = next;
  return object;
}

export function getAtPath(value: unknown, path: TConfigPath): unknown {
  let current = value;
  for (const part of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

/** The alternative of a `oneOf`/`anyOf` the value is written in: the first it satisfies, else the first of its JSON type. */
export function pickVariant(variants: readonly TVariant[], value: unknown): number {
  if (value === undefined) return -1;
  const fitting = variants.findIndex((variant) => validateJsonValue(variant.schema, value).length === 0);
  if (fitting >= 0) return fitting;
  const shape = (schema: TJsonSchema) => (Array.isArray(schema.enum) ? typeof schema.enum[0] : schema.type === "integer" ? "number" : schema.type);
  const valueType = Array.isArray(value) ? "array" : value === null ? "null" : typeof value;
  return Math.max(0, variants.findIndex((variant) => shape(variant.schema) === valueType));
}

/**
 * The problems of one node's config that a field at `path` shows: those located at or under it. `claimedByChildren`
 * are the paths of the fields below it, whose problems they show themselves.
 */
export function problemsForField(problems: readonly TNodeConfigProblem[], path: TConfigPath, claimedByChildren: readonly TConfigPath[] = []): TNodeConfigProblem[] {
  return problems.filter((problem) => isPrefix(path, problem.configPath) && !claimedByChildren.some((child) => isPrefix(child, problem.configPath)));
}

export type TNodeConfigProblem = { message: string; configPath: TConfigPath };

/** The problems about one node's config, each with its path inside the config (validation's path starts at the spec). */
export function toNodeConfigProblems(problems: readonly TGraphProblem[], nodeId: string): TNodeConfigProblem[] {
  return problems.flatMap((problem) =>
    problem.nodeId === nodeId && problem.path[0] === "nodes" && problem.path[2] === "config" ? [{ message: problem.message, configPath: problem.path.slice(3) }] : [],
  );
}

export function isPrefix(prefix: TConfigPath, path: TConfigPath): boolean {
  return prefix.length <= path.length && prefix.every((part, index) => part === path[index]);
}
