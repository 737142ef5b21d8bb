import { describe, expect, it } from "vitest";
import { createSseParser, readSseEvents, type TSseEvent } from "./sse";

const STREAM = 'event: delta\r\ndata: {"a":1}\r\n\r\n: keep-alive\n\ndata: line one\ndata: line two\n\ndata:no-space\r\rdata: [DONE]\n\n';
const EVENTS: TSseEvent[] = [
  { event: "delta", data: '{"a":1}' },
  { event: "message", data: "line one\nline two" },
  { event: "message", data: "no-space" },
  { event: "message", data: "[DONE]" },
];

function parseInPieces(pieces: string[]): TSseEvent[] {
  const parser = createSseParser();
  return [...pieces.flatMap((piece) => parser.push(piece)), ...parser.end()];
}

async function* bytes(chunks: Uint8Array[]): AsyncGenerator<Uint8Array> {
  yield* chunks;
}

describe("server-sent events", () => {
  it("parses event names, comments, multi-line data and every kind of line break", () => {
    expect(parseInPieces([STREAM])).toEqual(EVENTS);
  });

  it("gives the same events wherever the chunks are cut, between \\r and \\n included", () => {
    for (let cut = 1; cut < STREAM.length; cut++) {
      expect(parseInPieces([STREAM.slice(0, cut), STREAM.slice(cut)])).toEqual(EVENTS);
    }
    expect(parseInPieces([...STREAM])).toEqual(EVENTS);
  });

  it("keeps a character whose bytes arrive in two chunks", async () => {
    const encoded = new TextEncoder().encode("data: héllo ✓\n\n");
    const events: TSseEvent[] = [];
    for (let cut = 1; cut < encoded.length; cut++) {
      for await (const event of readSseEvents(bytes([encoded.slice(0, cut), encoded.slice(cut)]))) events.push(event);
    }
    expect(new Set(events.map((event) => event.data))).toEqual(new Set(["héllo ✓"]));
    expect(events).toHaveLength(encoded.length - 1);
  });

  it("drops an event the stream cut off before its blank line, and events without data", () => {
    expect(parseInPieces(["event: ping\n\ndata: complete\n\ndata: cut off"])).toEqual([{ event: "message", data: "complete" }]);
    expect(parseInPieces(["data: ends with cr\r\r"])).toEqual([{ event: "message", data: "ends with cr" }]);
  });

  it("ignores a byte order mark at the start", () => {
    expect(parseInPieces(["\uFEFFdata: x\n\n"])).toEqual([{ event: "message", data: "x" }]);
  });
});
