import { findUnsafeJson } from "@/lib/json/find-unsafe-json";
import { type TConfigFiles, type TParseResult } from "./config-files";
import { ConfigIncludeError } from "./config-include-error";
import { isPlainObject } from "./merge-deep";
import { resolveIncludes } from "./resolve-includes";

const MAX_CONFIG_DEPTH = 48;

export type TParsedOpenClawConfig = { config: Record<string, unknown>; included: string[] };

/**
 * Reads an `openclaw.json` and what it `$include`s from the uploaded files. Data only: nothing is evaluated, and
 * `${VAR}` references stay text. Errors name the file and line (syntax) or the file and key path (includes).
 */
export function parseOpenClawConfig(files: TConfigFiles): TParseResult<TParsedOpenClawConfig> {
  try {
    const { value, included } = resolveIncludes(files);
    if (!isPlainObject(value)) return { ok: false, message: `${files.entry}: the config must be an object` };
    const unsafe = findUnsafeJson(value, MAX_CONFIG_DEPTH);
    if (unsafe) return { ok: false, message: `${files.entry}: ${unsafe.path.join(".")}: ${unsafe.message}` };
    return { ok: true, value: { config: value, included: [...included] } };
  } catch (error) {
    if (error instanceof ConfigIncludeError) return { ok: false, message: error.message };
    throw error;
  }
}
