// An audit record's before/after (server/audit/audit-note.ts) as lines a person reads: what was created or deleted,
// and for a change only the fields that moved, nested ones by their dotted path ("newOwner.role: admin → owner").
const MAX_VALUE = 80;

type TFields = Map<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function flatten(value: unknown, prefix = "", fields: TFields = new Map()): TFields {
  if (!isRecord(value)) {
    fields.set(prefix, value);
    return fields;
  }
  for (const [key, item] of Object.entries(value)) flatten(item, prefix ? `${prefix}.${key}` : key, fields);
  return fields;
}

export function formatAuditValue(value: unknown): string {
  const text = value === null || value === undefined ? "none" : Array.isArray(value) ? `[${value.map(formatAuditValue).join(", ")}]` : typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}

function listFields(value: unknown): string {
  return [...flatten(value)].map(([key, item]) => (key ? `${key}: ${formatAuditValue(item)}` : formatAuditValue(item))).join(", ");
}

/** No lines when the record noted no before/after (a refusal, or an action that changes nothing). */
export function describeAuditChange(summary: unknown): string[] {
  const { before, after } = isRecord(summary) ? summary : {};
  if (before === undefined && after === undefined) return [];
  if (before === null || before === undefined) return after === null || after === undefined ? [] : [`created: ${listFields(after)}`];
  if (after === null || after === undefined) return [`deleted: ${listFields(before)}`];
  const was = flatten(before);
  const is = flatten(after);
  const keys = [...new Set([...was.keys(), ...is.keys()])];
  const moved = keys.filter((key) => JSON.stringify(was.get(key)) !== JSON.stringify(is.get(key)));
  if (moved.length === 0) return ["no change"];
  return moved.map((key) => `${key ? `${key}: ` : ""}${formatAuditValue(was.get(key))} → ${formatAuditValue(is.get(key))}`);
}
