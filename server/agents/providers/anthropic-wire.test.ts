import { describe, expect, it } from "vitest";
import type { TModelRequest } from "../../runtime/attached-contract";
import { NonRetriableError } from "../../runtime/errors";
import { toAnthropicRequest } from "./anthropic-request";
import { createAnthropicStreamReader } from "./anthropic-stream";

const REQUEST: TModelRequest = {
  messages: [
    { role: "system", content: "Be brief." },
    { role: "user", content: "2 + 3 and 4 + 4?" },
    { role: "assistant", content: "Adding.", toolCalls: [{ id: "toolu_a", name: "add", arguments: { a: 2, b: 3 } }, { id: "toolu_b", name: "add", arguments: { a: 4, b: 4 } }] },
    { role: "tool", toolCallId: "toolu_a", name: "add", content: '{"sum":5}' },
    { role: "tool", toolCallId: "toolu_b", name: "add", content: '{"sum":8}' },
  ],
  tools: [{ name: "add", description: "Adds", inputSchema: { type: "object" } }],
  stop: ["END"],
};

const event = (type: string, data: object = {}) => JSON.stringify({ type, ...data });

describe("Anthropic wire format", () => {
  it("puts the system prompt apart, tool calls in tool_use blocks and all results of a round in one user message", () => {
    expect(toAnthropicRequest("claude-sonnet-4-5", REQUEST)).toEqual({
      model: "claude-sonnet-4-5",
      max_tokens: 4096,
      system: "Be brief.",
      messages: [
        { role: "user", content: [{ type: "text", text: "2 + 3 and 4 + 4?" }] },
        {
          role: "assistant",
          content: [
            { type: "text", text: "Adding." },
            { type: "tool_use", id: "toolu_a", name: "add", input: { a: 2, b: 3 } },
            { type: "tool_use", id: "toolu_b", name: "add", input: { a: 4, b: 4 } },
          ],
        },
        {
          role: "user",
          content: [
            { type: "tool_result", tool_use_id: "toolu_a", content: '{"sum":5}' },
            { type: "tool_result", tool_use_id: "toolu_b", content: '{"sum":8}' },
          ],
        },
      ],
      tools: [{ name: "add", description: "Adds", input_schema: { type: "object" } }],
      stop_sequences: ["END"],
      stream: true,
    });
  });

  it("uses the agent's max tokens when set, and drops an assistant message with nothing in it", () => {
    const body = toAnthropicRequest("claude-haiku-4-5", {
      messages: [{ role: "user", content: "a" }, { role: "assistant", content: "" }, { role: "user", content: "b" }],
      tools: [],
      maxTokens: 100,
      temperature: 0,
    });
    expect(body).toEqual({
      model: "claude-haiku-4-5",
      max_tokens: 100,
      messages: [{ role: "user", content: [{ type: "text", text: "a" }, { type: "text", text: "b" }] }],
      temperature: 0,
      stream: true,
    });
  });

  it("streams text, assembles tool input from its JSON pieces, and reads usage and the stop reason", () => {
    const tokens: string[] = [];
    const reader = createAnthropicStreamReader("claude at test", (text) => tokens.push(text));
    const events = [
      event("message_start", { message: { model: "claude-haiku-4-5-20251001", usage: { input_tokens: 42, output_tokens: 1 } } }),
      event("content_block_start", { index: 0, content_block: { type: "text", text: "" } }),
      event("ping"),
      event("content_block_delta", { index: 0, delta: { type: "text_delta", text: "Adding " } }),
      event("content_block_delta", { index: 0, delta: { type: "text_delta", text: "both." } }),
      event("content_block_stop", { index: 0 }),
      event("content_block_start", { index: 1, content_block: { type: "tool_use", id: "toolu_a", name: "add", input: {} } }),
      event("content_block_delta", { index: 1, delta: { type: "input_json_delta", partial_json: '{"a":2,' } }),
      event("content_block_delta", { index: 1, delta: { type: "input_json_delta", partial_json: '"b":3}' } }),
      event("content_block_stop", { index: 1 }),
      event("content_block_start", { index: 2, content_block: { type: "tool_use", id: "toolu_b", name: "now", input: {} } }),
      event("content_block_stop", { index: 2 }),
      event("message_delta", { delta: { stop_reason: "tool_use", stop_sequence: null }, usage: { output_tokens: 9 } }),
    ];
    expect(events.map((data) => reader.take(data))).toEqual(events.map(() => false));
    expect(reader.take(event("message_stop"))).toBe(true);
    expect(tokens).toEqual(["Adding ", "both."]);
    expect(reader.finish()).toEqual({
      content: "Adding both.",
      toolCalls: [
        { id: "toolu_a", name: "add", arguments: { a: 2, b: 3 } },
        { id: "toolu_b", name: "now", arguments: {} },
      ],
      usage: { inputTokens: 42, outputTokens: 9 },
      finishReason: "tool_calls",
      model: "claude-haiku-4-5-20251001",
    });
  });

  it("retries an overload reported inside the stream, but not a refused request", () => {
    const overloaded = () => createAnthropicStreamReader("c at test").take(event("error", { error: { type: "overloaded_error", message: "Overloaded" } }));
    expect(overloaded).toThrow("The model c at test failed while answering (overloaded_error): Overloaded");
    expect(overloaded).not.toThrow(NonRetriableError);
    const refused = () => createAnthropicStreamReader("c at test").take(event("error", { error: { type: "invalid_request_error", message: "prompt is too long" } }));
    expect(refused).toThrow(NonRetriableError);
  });

  it("holds a whole answer only once message_stop arrived", () => {
    const reader = createAnthropicStreamReader("c at test");
    reader.take(event("message_start", { message: { usage: { input_tokens: 1 } } }));
    expect(reader.isComplete()).toBe(false);
    reader.take(event("message_stop", {}));
    expect(reader.isComplete()).toBe(true);
  });
});
