// What an audit row keeps of an action's input and of its before/after: the shape and the ids, never a secret. Fields
// whose name says they carry a credential are replaced (not those that only name or hint at one: secretNames,
// tokenHint), long text is cut, graph specs are reduced to their size.
const SECRET_FIELD = /(password|secret|token|^value$|^key$|apikey|privatekey|clientsecret|content)/i;
const DESCRIBES_CREDENTIAL = /(names|hint)$/i;
const MAX_TEXT = 200;
const MAX_ITEMS = 20;
const MAX_DEPTH = 4;

export function summarizeValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}… (${value.length} characters)` : value;
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return value.toISOString();
  if (depth >= MAX_DEPTH) return Array.isArray(value) ? `[${value.length} items]` : "{…}";
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((item) => summarizeValue(item, depth + 1));
    return value.length > MAX_ITEMS ? [...items, `… ${value.length - MAX_ITEMS} more`] : items;
  }
  const record = value as Record<string, unknown>;
  if (Array.isArray(record.nodes) && Array.isArray(record.edges)) return `[graph: ${record.nodes.length} nodes, ${record.edges.length} edges]`;
  return Object.fromEntries(
    Object.entries(record).map(([key, item]) => [key, isCredential(key) && item !== undefined && item !== null ? "[redacted]" : summarizeValue(item, depth + 1)]),
  );
}

function isCredential(key: string): boolean {
  return SECRET_FIELD.test(key) && !DESCRIBES_CREDENTIAL.test(key);
}
