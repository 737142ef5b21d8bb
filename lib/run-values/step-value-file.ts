import { MAX_LISTED_VALUE_CHARS, type TTruncatedJson } from "./truncate-json";

/**
 * What a step's column holds in place of a recorded value of more than 256 KB of JSON: the file under the data
 * directory that holds the value (`server/step-values/`), its size in JSON characters and the start of its JSON text.
 */
export type TStepValueFile = { $file: { path: string; chars: number; preview: string } };

export function isStepValueFile(value: unknown): value is TStepValueFile {
  if (value === null || typeof value !== "object" || Array.isArray(value) || Object.keys(value).length !== 1) return false;
  const marker = (value as { $file?: unknown }).$file;
  return marker !== null && typeof marker === "object" && typeof (marker as { path?: unknown }).path === "string" && typeof (marker as { chars?: unknown }).chars === "number";
}

/** A file reference as the step list shows it: the same marker as any value too big to list. */
export function stepValueFileAsTruncated(value: TStepValueFile): TTruncatedJson {
  return { $truncated: { chars: value.$file.chars, preview: value.$file.preview.slice(0, MAX_LISTED_VALUE_CHARS) } };
}
