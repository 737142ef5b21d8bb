// The studio's socket.io server on a free loopback port, for one integration test file: started before its tests,
// closed after them with every socket the file opened.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll } from "vitest";
import { db } from "../../db/client";
import { TEST_SECRET } from "../../testing/session-cookie";
import { createRunEventHub, type TRunEventHub } from "../run-stream/run-event-hub";
import { attachRealtime, SOCKET_PATH } from "../socket-server";

/** The one origin the test server lists as allowed (like PUBLIC_URL). */
export const TEST_ORIGIN = "http://studio.test";

/** `runEvents`: the hub a runtime of the same test publishes to (main.ts wires them so); default a hub of its own. */
export function useRealtimeTestServer(options: { runEvents?: TRunEventHub } = {}) {
  const sockets: Socket[] = [];
  let realtime: ReturnType<typeof attachRealtime> | undefined;
  let url = "";

  beforeAll(async () => {
    const server = createServer();
    realtime = attachRealtime(server, { db: db(), secret: TEST_SECRET, allowedOrigins: [TEST_ORIGIN], runEvents: options.runEvents ?? createRunEventHub() });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await realtime?.close();
  });

  return {
    /** `http://127.0.0.1:<port>`: what a page served by this server would send as its Origin. */
    get url(): string {
      return url;
    },
    /** A client with these handshake headers; no reconnection, so a refusal is final and observable. */
    open(headers: Record<string, string>): Socket {
      const socket = connect(url, { path: SOCKET_PATH, transports: ["websocket"], extraHeaders: headers, reconnection: false, forceNew: true });
      sockets.push(socket);
      return socket;
    },
  };
}
