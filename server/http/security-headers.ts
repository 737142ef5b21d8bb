// Security headers of every response the studio sends (README.md, "Security headers"; server/http/README.md).
import { randomBytes } from "node:crypto";
import type { IncomingMessage, Server, ServerResponse } from "node:http";

export type TSecurityHeaderOptions = { publicUrl: string; isDev: boolean };

/** What a JSON answer, a redirect or a socket.io refusal needs: nothing may load, nothing may frame it. */
const STRICT_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

// Features the studio never uses; everything not named keeps the browser's default (the editor's clipboard included).
const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), display-capture=()";

/**
 * Sets the headers every response carries, before any handler runs: nosniff, no framing, no referrer beyond this origin,
 * no powerful features, HSTS when the studio is served over https, and a Content-Security-Policy that allows nothing.
 * Pages then replace that policy with `setPagePolicy`.
 */
export function createSecurityHeaders(options: TSecurityHeaderOptions) {
  const isHttps = new URL(options.publicUrl).protocol === "https:";
  const common: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    // frame-ancestors is the rule; X-Frame-Options is for browsers that predate it.
    "X-Frame-Options": "DENY",
    // Invitation and reset links carry their token in the path: no other origin sees a path of this one.
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(isHttps ? { "Strict-Transport-Security": "max-age=31536000" } : {}),
  };

  return {
    setCommonHeaders(res: ServerResponse): void {
      for (const [name, value] of Object.entries(common)) res.setHeader(name, value);
      res.setHeader("Content-Security-Policy", STRICT_POLICY);
    },

    /**
     * For a request Next renders: a fresh nonce in a page policy, on the response and on the request. Next reads the
     * nonce from the request's Content-Security-Policy header and puts it on its own scripts (the job Next's docs give
     * proxy.ts; this server sits in front of Next already, so it is done here). Whatever policy the client sent in
     * that request header is replaced: a caller must not pick the nonce.
     */
    setPagePolicy(req: IncomingMessage, res: ServerResponse): string {
      const nonce = randomBytes(16).toString("base64");
      const policy = buildPagePolicy({ nonce, isDev: options.isDev, isHttps });
      req.headers["content-security-policy"] = policy;
      delete req.headers["content-security-policy-report-only"];
      res.setHeader("Content-Security-Policy", policy);
      return nonce;
    },
  };
}

export type TSecurityHeaders = ReturnType<typeof createSecurityHeaders>;

/**
 * Puts the common headers on every response of the server, socket.io's own answers included. Call it after socket.io
 * is attached: engine.io takes the server's "request" listeners at attach time and calls them only for requests
 * outside its path, so a listener prepended now runs first for every request, before any handler writes its head.
 */
export function secureEveryResponse(server: Server, headers: TSecurityHeaders): void {
  server.prependListener("request", (_req: IncomingMessage, res: ServerResponse) => headers.setCommonHeaders(res));
}

/** The policy of a page: scripts by nonce only, everything else from this origin. */
export function buildPagePolicy(options: { nonce: string; isDev: boolean; isHttps: boolean }): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': a script Next loaded with the nonce may load the page's chunks; host sources are ignored.
    // React's development build evaluates code to rebuild server stacks and for Fast Refresh: 'unsafe-eval' in dev only.
    `script-src 'nonce-${options.nonce}' 'strict-dynamic'${options.isDev ? " 'unsafe-eval'" : ""}`,
    // React Flow positions nodes and edges with inline style attributes and Next inlines critical CSS; a nonce cannot
    // cover style attributes, and a nonce beside 'unsafe-inline' would make browsers ignore 'unsafe-inline'. Inline
    // styles cannot run code; scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // tRPC, next-auth and the socket.io WebSocket are all on this origin ('self' covers ws/wss of it).
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.isHttps ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}
