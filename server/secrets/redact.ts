// Replaces secret values by `[secret:NAME]` in text and in structured data. Built for the runtime to apply to step
// records, run events and errors before they are stored or sent, and for the logger to apply to every line.
import { listSecretSpellings } from "./secret-spellings";

/**
 * Values shorter than this are ignored: they occur in ordinary text too often to replace safely. create-secret refuses
 * values under MIN_SECRET_VALUE_CHARS (8), so every stored secret is redactable.
 */
export const MIN_REDACTABLE_CHARS = 6;

export type TRedactor = {
  redactText(text: string): string;
  /** A redacted copy; strings, keys, arrays, plain objects and errors are visited, other objects pass through as is. */
  redactValue<T>(value: T): T;
  /** A redacted copy of an error (same prototype, message, stack, cause and own fields); a non-error is redacted as a value. */
  redactError<T>(error: T): T;
};

// With nothing to redact every call is the identity: no copy, no scan.
const IDENTITY: TRedactor = { redactText: (text) => text, redactValue: (value) => value, redactError: (error) => error };

export function createRedactor(secrets: readonly { name: string; value: string }[]): TRedactor {
  const nameBySpelling = new Map<string, string>();
  for (const secret of secrets) {
    if (secret.value.length < MIN_REDACTABLE_CHARS) continue;
    for (const spelling of listSecretSpellings(secret.value)) {
      if (spelling.length >= MIN_REDACTABLE_CHARS && !nameBySpelling.has(spelling)) nameBySpelling.set(spelling, secret.name);
    }
  }
  if (nameBySpelling.size === 0) return IDENTITY;

  // Longest first, so a padded base64 spelling goes before its unpadded prefix (no stray `=` left behind) and a secret
  // containing another is replaced whole. Plain substring search rather than one alternation: a 64 KiB value makes a
  // RegExp too large to compile, and V8's message for that would quote the pattern, values included.
  const spellings = [...nameBySpelling].sort(([a], [b]) => b.length - a.length).map(([spelling, name]) => ({ spelling, mark: `[secret:${name}]` }));
  const redactText = (text: string): string => {
    let redacted = text;
    for (const { spelling, mark } of spellings) {
      if (redacted.length >= spelling.length && redacted.includes(spelling)) redacted = redacted.split(spelling).join(mark);
    }
    return redacted;
  };

  const redactValue = <T>(value: T): T => redactDeep(value, redactText, new WeakMap()) as T;
  return { redactText, redactValue, redactError: redactValue };
}

function redactDeep(value: unknown, redactText: (text: string) => string, copies: WeakMap<object, unknown>): unknown {
  if (typeof value === "string") return redactText(value);
  if (typeof value !== "object" || value === null) return value;
  // Shared and cyclic references map to the same copy, so the copy has the input's shape and the walk terminates.
  if (copies.has(value)) return copies.get(value);
  const visit = (item: unknown) => redactDeep(item, redactText, copies);

  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length);
    copies.set(value, copy);
    value.forEach((item, index) => (copy[index] = visit(item)));
    return copy;
  }
  if (value instanceof Error) {
    const copy = Object.create(Object.getPrototypeOf(value) as object) as Error;
    copies.set(value, copy);
    // message and stack are own, non-enumerable properties; the stack repeats the message, so both are redacted.
    for (const key of Object.getOwnPropertyNames(value)) {
      const isEnumerable = Object.prototype.propertyIsEnumerable.call(value, key);
      defineField(copy, key, visit((value as unknown as Record<string, unknown>)[key]), isEnumerable);
    }
    return copy;
  }
  if (!isPlainObject(value)) return value;
  const copy = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
  copies.set(value, copy);
  for (const [key, item] of Object.entries(value)) defineField(copy, redactText(key), visit(item), true);
  return copy;
}

// defineProperty rather than assignment: a key named `__proto__` stays a plain field instead of replacing the prototype.
function defineField(target: object, key: string, value: unknown, isEnumerable: boolean): void {
  Object.defineProperty(target, key, { value, enumerable: isEnumerable, writable: true, configurable: true });
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

