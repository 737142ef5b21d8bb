// Big recorded values (a 5 MB tool result) stay in the database; lists ship a preview and the run page loads the rest
// on demand through `run.stepValue`.

/** A value over this many characters of JSON text is listed as a preview ("first 10 KB"). */
export const MAX_LISTED_VALUE_CHARS = 10_240;

/** Stands in for a value too big to list: its size in JSON characters and the first characters of its JSON text. */
export type TTruncatedJson = { $truncated: { chars: number; preview: string } };

export function truncateJson(value: unknown, maxChars: number = MAX_LISTED_VALUE_CHARS): unknown {
  if (value === null || value === undefined || (typeof value !== "object" && typeof value !== "string")) return value;
  const text = JSON.stringify(value);
  if (text.length <= maxChars) return value;
  return { $truncated: { chars: text.length, preview: text.slice(0, maxChars) } } satisfies TTruncatedJson;
}

export function isTruncatedJson(value: unknown): value is TTruncatedJson {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const marker = (value as { $truncated?: unknown }).$truncated;
  return Object.keys(value).length === 1 && marker !== null && typeof marker === "object" && typeof (marker as { chars?: unknown }).chars === "number";
}
