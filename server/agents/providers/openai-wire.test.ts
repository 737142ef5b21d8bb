import { describe, expect, it } from "vitest";
import type { TModelRequest } from "../../runtime/attached-contract";
import { toOpenAiRequest } from "./openai-request";
import { createOpenAiStreamReader } from "./openai-stream";

const REQUEST: TModelRequest = {
  messages: [
    { role: "system", content: "Be brief." },
    { role: "user", content: "2 + 3 and 4 + 4?" },
    { role: "assistant", content: "", toolCalls: [{ id: "call_a", name: "add", arguments: { a: 2, b: 3 } }, { id: "call_b", name: "add", arguments: { a: 4, b: 4 } }] },
    { role: "tool", toolCallId: "call_a", name: "add", content: '{"sum":5}' },
    { role: "tool", toolCallId: "call_b", name: "add", content: '{"sum":8}' },
  ],
  tools: [{ name: "add", description: "Adds", inputSchema: { type: "object" } }],
  temperature: 0.2,
  maxTokens: 300,
  stop: ["END"],
};

const chunk = (delta: object, extra: object = {}) => JSON.stringify({ model: "gpt-4o-mini-2024-07-18", choices: [{ index: 0, delta, finish_reason: null }], ...extra });

describe("OpenAI-compatible wire format", () => {
  it("translates messages, tool calls and tool results, and asks for a stream with usage", () => {
    expect(toOpenAiRequest("gpt-4o-mini", REQUEST)).toEqual({
      model: "gpt-4o-mini",
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "2 + 3 and 4 + 4?" },
        {
          role: "assistant",
          content: null,
          tool_calls: [
            { id: "call_a", type: "function", function: { name: "add", arguments: '{"a":2,"b":3}' } },
            { id: "call_b", type: "function", function: { name: "add", arguments: '{"a":4,"b":4}' } },
          ],
        },
        { role: "tool", tool_call_id: "call_a", content: '{"sum":5}' },
        { role: "tool", tool_call_id: "call_b", content: '{"sum":8}' },
      ],
      tools: [{ type: "function", function: { name: "add", description: "Adds", parameters: { type: "object" } } }],
      temperature: 0.2,
      max_tokens: 300,
      stop: ["END"],
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it("carries the token limit in max_completion_tokens for reasoning models, or where the node says so", () => {
    const request: TModelRequest = { messages: [{ role: "user", content: "hi" }], tools: [], maxTokens: 10 };
    expect(toOpenAiRequest("o4-mini", request)).toMatchObject({ max_completion_tokens: 10 });
    expect(toOpenAiRequest("o4-mini", request)).not.toHaveProperty("max_tokens");
    expect(toOpenAiRequest("gpt-4o", request, { maxTokensParameter: "max_completion_tokens" })).toMatchObject({ max_completion_tokens: 10 });
    expect(toOpenAiRequest("o4-mini", request, { maxTokensParameter: "max_tokens" })).toMatchObject({ max_tokens: 10 });
  });

  it("leaves out tools and unset parameters rather than sending empty ones", () => {
    const body = toOpenAiRequest("llama3.2", { messages: [{ role: "user", content: "hi" }], tools: [] });
    expect(Object.keys(body).sort()).toEqual(["messages", "model", "stream", "stream_options"]);
  });

  it("streams text in order and assembles interleaved tool-call pieces by index, with usage from the last chunk", () => {
    const tokens: string[] = [];
    const reader = createOpenAiStreamReader("gpt-4o-mini at test", (text) => tokens.push(text));
    const events = [
      chunk({ role: "assistant", content: "" }),
      chunk({ content: "Adding " }),
      chunk({ content: "both." }),
      chunk({ tool_calls: [{ index: 0, id: "call_a", type: "function", function: { name: "add", arguments: "" } }] }),
      chunk({ tool_calls: [{ index: 1, id: "call_b", type: "function", function: { name: "add", arguments: '{"a":4,' } }] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: '{"a":2,"b"' } }] }),
      chunk({ tool_calls: [{ index: 1, function: { arguments: '"b":4}' } }] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: ":3}" } }] }),
      JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: "tool_calls" }] }),
      JSON.stringify({ choices: [], usage: { prompt_tokens: 42, completion_tokens: 7, total_tokens: 49 } }),
    ];
    expect(events.map((data) => reader.take(data))).toEqual(events.map(() => false));
    expect(reader.take("[DONE]")).toBe(true);
    expect(tokens).toEqual(["Adding ", "both."]);
    expect(reader.finish()).toEqual({
      content: "Adding both.",
      toolCalls: [
        { id: "call_a", name: "add", arguments: { a: 2, b: 3 } },
        { id: "call_b", name: "add", arguments: { a: 4, b: 4 } },
      ],
      usage: { inputTokens: 42, outputTokens: 7 },
      finishReason: "tool_calls",
      model: "gpt-4o-mini-2024-07-18",
    });
  });

  it("takes whole tool calls without index or id (as Ollama sends them), and no arguments as {}", () => {
    const reader = createOpenAiStreamReader("llama3.2 at test");
    const calls = [{ function: { name: "now", arguments: "" } }, { function: { name: "add", arguments: '{"a":1,"b":1}' } }];
    reader.take(JSON.stringify({ model: "llama3.2", choices: [{ index: 0, delta: { role: "assistant", content: "", tool_calls: calls }, finish_reason: "tool_calls" }] }));
    expect(reader.finish().toolCalls).toEqual([
      { id: "call_0", name: "now", arguments: {} },
      { id: "call_1", name: "add", arguments: { a: 1, b: 1 } },
    ]);
  });

  it("names the tool when the model's arguments are not JSON", () => {
    const reader = createOpenAiStreamReader("m at test");
    reader.take(chunk({ tool_calls: [{ index: 0, id: "c", function: { name: "add", arguments: '{"a": 2, b' } }] }));
    reader.take("[DONE]");
    expect(() => reader.finish()).toThrow('The model called the tool "add" with arguments that are not valid JSON: {"a": 2, b');
  });

  it("reports an error sent inside the stream, and a stream cut before its end", () => {
    expect(() => createOpenAiStreamReader("m at test").take(JSON.stringify({ error: { message: "The server had an error" } }))).toThrow("The model m at test failed while answering: The server had an error");
    const cut = createOpenAiStreamReader("m at test");
    cut.take(chunk({ content: "Half an ans" }));
    expect(cut.isComplete()).toBe(false);
    cut.take(chunk({}, { choices: [{ index: 0, delta: {}, finish_reason: "stop" }] }));
    expect(cut.isComplete()).toBe(true);
    expect(() => createOpenAiStreamReader("m at test").take("<html>")).toThrow("sent an event that is not a JSON object: <html>");
  });
});
