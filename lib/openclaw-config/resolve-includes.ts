// `$include` as OpenClaw reads it: an object `{ $include: "file" }` is replaced by that file's value; an array of files
// is deep-merged in order (later wins); sibling keys are merged over the included value. Paths are relative to the
// including file. Nesting stops at 10 levels and a file that includes itself (directly or not) is refused.
import { resolveRelativePath, type TConfigFiles } from "./config-files";
import { ConfigIncludeError } from "./config-include-error";
import { isPlainObject, mergeDeep } from "./merge-deep";
import { parseJson5File } from "./parse-json5-file";

export const MAX_INCLUDE_DEPTH = 10;

type TResolveState = { files: TConfigFiles["files"]; chain: string[]; included: Set<string> };

/** The entry's value with every `$include` replaced; `included` collects the files it read. */
export function resolveIncludes(config: TConfigFiles): { value: unknown; included: Set<string> } {
  const state: TResolveState = { files: config.files, chain: [], included: new Set() };
  return { value: readFile(config.entry, state), included: state.included };
}

function readFile(path: string, state: TResolveState): unknown {
  if (state.chain.includes(path)) throw new ConfigIncludeError(`$include cycle: ${[...state.chain, path].join(" -> ")}`);
  if (state.chain.length > MAX_INCLUDE_DEPTH) throw new ConfigIncludeError(`${path}: $include nested deeper than ${MAX_INCLUDE_DEPTH} levels (${state.chain.join(" -> ")})`);
  const text = state.files[path];
  if (text === undefined) throw new ConfigIncludeError(`${path}: not among the uploaded files`);
  const parsed = parseJson5File(path, text);
  if (!parsed.ok) throw new ConfigIncludeError(parsed.message);
  state.chain.push(path);
  const value = resolveValue(parsed.value, path, [], state);
  state.chain.pop();
  return value;
}

function resolveValue(value: unknown, file: string, at: (string | number)[], state: TResolveState): unknown {
  if (Array.isArray(value)) return value.map((item, index) => resolveValue(item, file, [...at, index], state));
  if (!isPlainObject(value)) return value;
  const { $include: include, ...siblings } = value;
  const resolvedSiblings = Object.fromEntries(Object.entries(siblings).map(([key, item]) => [key, resolveValue(item, file, [...at, key], state)]));
  if (include === undefined) return resolvedSiblings;
  const where = `${file}: ${at.length > 0 ? at.join(".") : "(root)"}.$include`;
  const targets = typeof include === "string" ? [include] : include;
  if (!Array.isArray(targets) || targets.length === 0 || !targets.every((target): target is string => typeof target === "string" && target.length > 0)) {
    throw new ConfigIncludeError(`${where}: must be a file path or a list of file paths`);
  }
  const values = targets.map((target) => {
    const path = resolveRelativePath(file, target);
    if (path === undefined) throw new ConfigIncludeError(`${where}: "${target}" points outside the uploaded folder`);
    state.included.add(path);
    return readFile(path, state);
  });
  const included = values.length === 1 ? values[0] : values.reduce((merged, next) => mergeDeep(merged, next));
  if (Object.keys(resolvedSiblings).length === 0) return included;
  if (!isPlainObject(included)) throw new ConfigIncludeError(`${where}: the included value is not an object, so its sibling keys cannot merge into it`);
  return mergeDeep(included, resolvedSiblings);
}
