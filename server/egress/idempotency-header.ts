// Every external effect of a step carries the step's idempotency key (DESIGN §4 Durability), so a callee can recognise
// a request repeated by a retry or by a re-execution after a crash. HTTP callers (the HTTP Request node, the sandbox's
// host fetch) send it in one header, named the same way everywhere.

export const IDEMPOTENCY_HEADER = "Idempotency-Key";

/**
 * The headers plus `name: key`, unless `name` is empty (turned off) or the caller already set a header of that name in
 * any spelling: a graph or plugin that sends its own key (say, with a prefix of its own) keeps it.
 */
export function withIdempotencyKey(headers: Record<string, string>, key: string, name: string = IDEMPOTENCY_HEADER): Record<string, string> {
  const wanted = name.toLowerCase();
  if (wanted === "" || Object.keys(headers).some((existing) => existing.toLowerCase() === wanted)) return headers;
  return { ...headers, [name]: key };
}
