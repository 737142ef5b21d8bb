/** Parses a Cookie header into name -> value; malformed pairs are skipped, later duplicates lose. */
export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = Object.create(null);
  for (const pair of (header ?? "").split(";")) {
    const separator = pair.indexOf("=");
    const name = pair.slice(0, Math.max(separator, 0)).trim();
    if (separator < 0 || name === "" || name in cookies) continue;
    const raw = pair.slice(separator + 1).trim().replace(/^"(.*)"$/, "$1");
    try {
      cookies[name] = decodeURIComponent(raw);
    } catch {
      cookies[name] = raw;
    }
  }
  return cookies;
}
