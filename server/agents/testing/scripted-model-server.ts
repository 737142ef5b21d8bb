// The part the local model test servers share: a real HTTP server on 127.0.0.1 that records every request and plays
// one scripted turn per request. Each wire format (openai-test-server.ts, anthropic-test-server.ts) writes the turn.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type TTestTurn = {
  content?: string;
  toolCalls?: { name: string; arguments?: unknown }[];
  /** Usage to report; default: a count derived from the request and the answer. */
  usage?: { inputTokens: number; outputTokens: number };
  /** Refuse instead of answering: this status, the API's error body with this message, and these headers. */
  failure?: { status: number; message: string; headers?: Record<string, string> };
  /**
   * Stop streaming after this many events: `close` drops the connection in the middle of the body (a proxy or the
   * network gave up), `end` ends the body properly but without the rest of the answer (a server that gave up).
   */
  cut?: { afterChunks: number; how: "close" | "end" };
};

/** What the server received; `body` is the parsed JSON (what the model saw). */
export type TRecordedRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: Record<string, unknown> };

/** A list played in order, one turn per request, or a function of the request. */
export type TTestTurns = TTestTurn[] | ((request: TRecordedRequest, index: number) => TTestTurn);

export type TTestServer = { url: string; requests: TRecordedRequest[]; close(): Promise<void> };

/** A refusal as the API words it: `param` and `code` are what OpenAI adds for a parameter it does not take. */
export type TApiRefusal = { message: string; param?: string; code?: string };

export type TWireWriter = {
  path: string;
  /** The API's own refusal of a malformed request, or undefined when the request is one the real API accepts. */
  check(request: TRecordedRequest): TApiRefusal | undefined;
  writeError(response: ServerResponse, status: number, refusal: TApiRefusal, headers?: Record<string, string>): void;
  /** Writes the turn's events through `send` (which stops the stream where the turn says it is cut). */
  writeTurn(response: ServerResponse, send: TSendEvent, turn: TTestTurn, request: TRecordedRequest, index: number): Promise<void>;
};

export async function startScriptedModelServer(turns: TTestTurns, wire: TWireWriter, urlPath = ""): Promise<TTestServer> {
  const requests: TRecordedRequest[] = [];
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
      } catch {
        // recorded as {}: the check below refuses it
      }
      const request: TRecordedRequest = { method: incoming.method ?? "", path: incoming.url ?? "", headers: incoming.headers, body };
      const index = requests.push(request) - 1;
      if (request.method !== "POST" || request.path !== wire.path) return wire.writeError(response, 404, { message: `No route ${request.method} ${request.path}` });
      const problem = wire.check(request);
      if (problem) return wire.writeError(response, 400, problem);
      const turn = typeof turns === "function" ? turns(request, index) : turns[index];
      if (!turn) return wire.writeError(response, 500, { message: `The test server has no turn for request ${index + 1}` });
      if (turn.failure) return wire.writeError(response, turn.failure.status, { message: turn.failure.message }, turn.failure.headers);
      wire.writeTurn(response, createEventSender(response, turn.cut), turn, request, index).catch((error: unknown) => {
        if (!(error instanceof StreamCut)) response.destroy();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${urlPath}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Words with the whitespace after them, so the pieces join back to the text exactly. */
export function splitWords(text: string): string[] {
  return text.split(/(?<=\s)(?=\S)/).filter((piece) => piece !== "");
}

/** A JSON text in a few pieces, cut anywhere (models stream arguments that way). */
export function splitJson(text: string): string[] {
  const size = Math.max(1, Math.ceil(text.length / 3));
  return Array.from({ length: Math.ceil(text.length / size) }, (_, index) => text.slice(index * size, (index + 1) * size));
}

/** Roughly four characters a token, like the tokenizers of the real APIs on English text. */
export function countTokens(value: unknown): number {
  return Math.ceil(JSON.stringify(value ?? "").length / 4);
}

export type TSendEvent = (text: string) => Promise<void>;

/** Thrown by a sender once it cut the stream: the turn stops writing. */
class StreamCut extends Error {}

/**
 * One event per write, and a turn of the event loop between: the client sees the stream arrive in pieces. With `cut`,
 * the event after the last one allowed cuts the stream instead.
 */
function createEventSender(response: ServerResponse, cut: TTestTurn["cut"]): TSendEvent {
  let sent = 0;
  return async (text) => {
    if (cut && sent >= cut.afterChunks) {
      // `close` ends the socket after what was written: the chunked body lacks its end, as when a connection drops.
      if (cut.how === "close") response.socket?.end();
      else response.end();
      throw new StreamCut();
    }
    sent += 1;
    response.write(text);
    await new Promise((resolve) => setImmediate(resolve));
  };
}
