// The forms a secret value takes on its way into logs and records: a node may send it as a Basic auth header
// (base64, often after `user:`), put it in a query string, hex-dump it, or serialise it into a JSON string.

/**
 * Every spelling the redactor looks for: raw, base64 and base64url (padded, unpadded, and the stable middle at each of
 * the three byte alignments it can have inside a longer encoded string), hex in both cases, URL- and JSON-escaped.
 */
export function listSecretSpellings(value: string): string[] {
  const bytes = Buffer.from(value, "utf8");
  const padded = bytes.toString("base64");
  const base64 = [padded, padded.replace(/=+$/, ""), ...[0, 1, 2].map((shift) => stableBase64Core(bytes, shift))];
  const hex = bytes.toString("hex");
  return [
    ...new Set([
      value,
      ...base64,
      ...base64.map((encoded) => encoded.replaceAll("+", "-").replaceAll("/", "_")),
      hex,
      hex.toUpperCase(),
      encodeURIComponent(value),
      JSON.stringify(value).slice(1, -1),
    ]),
  ].filter((spelling) => spelling.length > 0);
}

/**
 * The base64 characters that depend only on the value when it starts `shift` bytes into a 3-byte group. The first
 * group (when shifted) and a trailing partial group also encode neighbouring bytes, so they are left out.
 */
function stableBase64Core(bytes: Buffer, shift: number): string {
  const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString("base64");
  const fullGroups = Math.floor((shift + bytes.length) / 3);
  const firstGroup = shift > 0 ? 1 : 0;
  return fullGroups > firstGroup ? encoded.slice(firstGroup * 4, fullGroups * 4) : "";
}
