// Which browser pages may open a socket. A page served by this studio at whatever address the user typed (localhost,
// 127.0.0.1, a LAN name) sends an Origin whose host is the Host it connected to: that same-host case is always ours.
// Other origins must be listed (PUBLIC_URL, STUDIO_ALLOWED_ORIGINS): another site's page opening a socket with the
// user's cookie is exactly what the check exists to stop.

export type TOriginCheck = { isAllowed: true } | { isAllowed: false; reason: string };

export function checkSocketOrigin(options: { origin: string | undefined; host: string | undefined; allowedOrigins: readonly string[] }): TOriginCheck {
  const { origin, host, allowedOrigins } = options;
  if (!origin) return { isAllowed: false, reason: "The connection sent no Origin; a browser always sends one, a script must present an API key" };
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return { isAllowed: false, reason: `The Origin "${origin.slice(0, 200)}" is not a URL` };
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return { isAllowed: false, reason: `The Origin "${origin.slice(0, 200)}" is not an http(s) page` };
  if (host && parsed.host.toLowerCase() === host.toLowerCase()) return { isAllowed: true };
  if (allowedOrigins.includes(parsed.origin)) return { isAllowed: true };
  return {
    isAllowed: false,
    reason: `A page at ${parsed.origin} may not open live updates of this studio (it answers at ${host ?? "an unknown host"}; allowed origins: ${allowedOrigins.join(", ") || "none"})`,
  };
}
