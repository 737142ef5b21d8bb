// The words a form shows for a setting when its schema has none of its own: a label made from the key, examples and
// defaults as one line of text. Pure, so plugin and imported schemas get the same words in every test.

const ACRONYMS = new Set(["api", "id", "url", "uri", "http", "https", "json", "mcp", "ip", "ui", "sql", "llm", "ttl"]);
const UNITS: Record<string, string> = { ms: "(ms)", sec: "(s)", kb: "(KB)", mb: "(MB)" };

/** `timeoutMs` -> `Timeout (ms)`, `api_key` -> `API key`, `toolInputSchema` -> `Tool input schema`. */
export function labelFromKey(key: string): string {
  const words = splitWords(key);
  if (words.length === 0) return key;
  const shown = words.map((word, index) => {
    const lower = word.toLowerCase();
    if (ACRONYMS.has(lower)) return lower.toUpperCase();
    if (index > 0 && index === words.length - 1 && UNITS[lower]) return UNITS[lower];
    return index === 0 ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
  });
  return shown.join(" ");
}

/** An enum value as a choice: `greaterThan` -> `greater than`; values that are not identifiers stay as they are. */
export function labelFromValue(value: unknown): string {
  if (typeof value !== "string") return JSON.stringify(value);
  return /^[a-z]+([A-Z][a-z0-9]*)+$/.test(value) ? splitWords(value).map((word) => word.toLowerCase()).join(" ") : value;
}

/** A value as the user would type it: strings bare, everything else as JSON. */
export function formatValue(value: unknown): string {
  if (typeof value === "string") return value === "" ? '""' : value;
  if (typeof value === "number") return value.toLocaleString("en-US");
  return JSON.stringify(value);
}

function splitWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[\s_\-.]+/)
    .filter(Boolean);
}
