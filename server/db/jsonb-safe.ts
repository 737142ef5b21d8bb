// Postgres jsonb cannot hold U+0000 ("unsupported Unicode escape sequence"), yet a node's output may carry it (bytes
// decoded as text, a binary answer): the step could then never be stored and the run would be driven again and
// again. Such characters are stored as U+FFFD, in keys and values alike; everything else is written as given.

const NUL_ESCAPE = "\\u0000";

/** `JSON.stringify` for a jsonb parameter. */
export function toJsonbText(value: unknown): string {
  const text = JSON.stringify(value);
  return text.includes(NUL_ESCAPE) ? JSON.stringify(withoutNul(value)) : text;
}

/** The value itself when it holds no U+0000 (the usual case, checked on its JSON), else a copy without. */
export function toJsonbValue<T>(value: T): T {
  return JSON.stringify(value)?.includes(NUL_ESCAPE) ? (withoutNul(value) as T) : value;
}

function withoutNul(value: unknown): unknown {
  if (typeof value === "string") return value.replaceAll("\u0000", "\uFFFD");
  if (Array.isArray(value)) return value.map(withoutNul);
  if (typeof value !== "object" || value === null) return value;
  const source = typeof (value as { toJSON?: unknown }).toJSON === "function" ? (value as { toJSON(): unknown }).toJSON() : value;
  if (typeof source !== "object" || source === null) return withoutNul(source);
  return Object.fromEntries(Object.entries(source).map(([key, item]) => [key.replaceAll("\u0000", "\uFFFD"), withoutNul(item)]));
}
