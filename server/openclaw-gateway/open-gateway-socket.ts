// The gateway's WebSocket, opened through the studio's egress guard: the URL's host must be on the workspace's
// allowlist (a loopback or private gateway only by an exact entry with its port), and the socket connects to exactly
// the addresses that were checked. No redirects, no compression (the gateway does not negotiate permessage-deflate).
import WebSocket from "ws";
import { checkWebSocketTarget, type TResolveHost } from "../egress";

const MAX_PAYLOAD_BYTES = 25 * 1024 * 1024;

export async function openGatewaySocket(url: string, allowedHosts: readonly string[], options: { resolveHost?: TResolveHost; timeoutMs?: number } = {}): Promise<WebSocket> {
  const checked = await checkWebSocketTarget(url, { allowedHosts }, { resolveHost: options.resolveHost });
  const socket = new WebSocket(checked.url, {
    lookup: checked.lookup,
    followRedirects: false,
    perMessageDeflate: false,
    maxPayload: MAX_PAYLOAD_BYTES,
    handshakeTimeout: options.timeoutMs ?? 15_000,
  });
  return new Promise((resolve, reject) => {
    // Paused: the gateway sends connect.challenge at once, before the caller has attached its listeners; it resumes.
    socket.once("open", () => {
      socket.pause();
      resolve(socket);
    });
    socket.once("error", (error: Error & { code?: string }) => reject(new Error(`Could not reach the gateway at ${checked.target.url.host}: ${error.code ?? error.message}`)));
    socket.once("unexpected-response", (_request, response) => {
      socket.terminate();
      reject(new Error(`The gateway at ${checked.target.url.host} answered HTTP ${response.statusCode} instead of a WebSocket`));
    });
  });
}
