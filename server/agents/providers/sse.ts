// Server-sent events (the WHATWG event-stream format) as model providers stream them. Network chunks end anywhere: in
// the middle of a line, between `\r` and `\n`, inside a multi-byte character; the parser keeps what is incomplete.

export type TSseEvent = { event: string; data: string };

/**
 * The events of a streamed body, in order. Leaving the loop early (break, throw) returns the body's iterator, which
 * closes the connection.
 */
export async function* readSseEvents(body: AsyncIterable<Uint8Array>): AsyncGenerator<TSseEvent> {
  const parser = createSseParser();
  const decoder = new TextDecoder();
  for await (const chunk of body) yield* parser.push(decoder.decode(chunk, { stream: true }));
  yield* parser.push(decoder.decode());
  yield* parser.end();
}

/** An incremental parser: `push` text as it arrives, `end` when the stream ended. */
export function createSseParser(): { push(text: string): TSseEvent[]; end(): TSseEvent[] } {
  let pending = "";
  let isFirstText = true;
  let eventType = "";
  let dataLines: string[] = [];

  const takeLine = (line: string, events: TSseEvent[]) => {
    if (line === "") {
      // A blank line dispatches; an event without data is not dispatched (the spec's rule), only reset.
      if (dataLines.length > 0) events.push({ event: eventType || "message", data: dataLines.join("\n") });
      eventType = "";
      dataLines = [];
      return;
    }
    if (line.startsWith(":")) return; // a comment, often a keep-alive
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") dataLines.push(value);
    else if (field === "event") eventType = value;
  };

  return {
    push(text) {
      if (isFirstText && text.length > 0) {
        isFirstText = false;
        if (text.startsWith("\uFEFF")) text = text.slice(1);
      }
      pending += text;
      const events: TSseEvent[] = [];
      const lineBreak = /\r\n|\r|\n/g;
      let start = 0;
      for (let match = lineBreak.exec(pending); match; match = lineBreak.exec(pending)) {
        // A `\r` at the very end may be the first half of `\r\n`: wait for the next chunk to know.
        if (match[0] === "\r" && match.index === pending.length - 1) break;
        takeLine(pending.slice(start, match.index), events);
        start = match.index + match[0].length;
      }
      pending = pending.slice(start);
      return events;
    },
    end() {
      const events: TSseEvent[] = [];
      // A held `\r` ends its line after all. An unterminated last line, and an event without the blank line after it,
      // are dropped as the spec says: the stream was cut in the middle of them.
      if (pending.endsWith("\r")) takeLine(pending.slice(0, -1), events);
      pending = "";
      return events;
    },
  };
}
