/**
 * How long a provider asked us to wait, in ms: `retry-after-ms` (OpenAI), else `retry-after` in seconds or as an HTTP
 * date (RFC 9110 10.2.3). Undefined when absent or unreadable; a date in the past means now.
 */
export function parseRetryAfterMs(headers: Record<string, string>, nowMs: number): number | undefined {
  const milliseconds = Number(headers["retry-after-ms"]);
  if (headers["retry-after-ms"] && Number.isFinite(milliseconds) && milliseconds >= 0) return Math.ceil(milliseconds);
  const value = headers["retry-after"]?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1_000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
