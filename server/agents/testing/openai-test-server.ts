// A local OpenAI-compatible server for tests: Chat Completions streamed in the API's exact SSE format (content deltas
// word by word, tool calls in pieces by index, a usage chunk, `[DONE]`), from a script of turns. Like OpenAI, it
// refuses `max_tokens` for its reasoning models.
import type { ServerResponse } from "node:http";
import { countTokens, splitJson, splitWords, startScriptedModelServer, type TApiRefusal, type TRecordedRequest, type TSendEvent, type TTestServer, type TTestTurn, type TTestTurns } from "./scripted-model-server";

/** `url` is the base URL a provider node is configured with (it ends in `/v1`). */
export function startOpenAiTestServer(turns: TTestTurns): Promise<TTestServer> {
  return startScriptedModelServer(turns, { path: "/v1/chat/completions", check, writeError, writeTurn }, "/v1");
}

/**
 * Models that OpenAI serves as reasoning models (o-series, GPT-5 family), written out here on their own rather than
 * taken from the provider, so a test catches the provider choosing wrong.
 */
const REASONING_MODELS = ["o1", "o1-mini", "o3", "o3-mini", "o4-mini", "gpt-5", "gpt-5-mini", "gpt-5-nano", "gpt-5.1"];

function check(request: TRecordedRequest): TApiRefusal | undefined {
  const { body } = request;
  if (typeof body.model !== "string" || body.model === "") return { message: "you must provide a model parameter" };
  if (!Array.isArray(body.messages) || body.messages.length === 0) return { message: "'messages' must be a non-empty array" };
  if (body.stream !== true) return { message: "this test server only streams: set stream: true" };
  if (REASONING_MODELS.includes(body.model) && body.max_tokens !== undefined) {
    // OpenAI's exact refusal.
    return { message: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.", param: "max_tokens", code: "unsupported_parameter" };
  }
  return undefined;
}

function writeError(response: ServerResponse, status: number, refusal: TApiRefusal, headers: Record<string, string> = {}): void {
  const type = status === 401 ? "invalid_request_error" : status === 429 ? "rate_limit_exceeded" : status >= 500 ? "server_error" : "invalid_request_error";
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify({ error: { message: refusal.message, type, param: refusal.param ?? null, code: refusal.code ?? null } }));
}

async function writeTurn(response: ServerResponse, send: TSendEvent, turn: TTestTurn, request: TRecordedRequest, index: number): Promise<void> {
  const model = String(request.body.model);
  const base = { id: `chatcmpl-test-${index}`, object: "chat.completion.chunk", created: 1_700_000_000, model, system_fingerprint: "fp_test" };
  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) =>
    send(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }] })}\n\n`);

  response.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" });
  await chunk({ role: "assistant", content: "", refusal: null });
  for (const word of splitWords(turn.content ?? "")) await chunk({ content: word });
  const toolCalls = turn.toolCalls ?? [];
  for (const [callIndex, call] of toolCalls.entries()) {
    await chunk({ tool_calls: [{ index: callIndex, id: `call_${index}_${callIndex}`, type: "function", function: { name: call.name, arguments: "" } }] });
    for (const piece of splitJson(JSON.stringify(call.arguments ?? {}))) await chunk({ tool_calls: [{ index: callIndex, function: { arguments: piece } }] });
  }
  await chunk({}, toolCalls.length > 0 ? "tool_calls" : "stop");
  if ((request.body.stream_options as { include_usage?: boolean } | undefined)?.include_usage) {
    const usage = turn.usage ?? { inputTokens: countTokens(request.body.messages), outputTokens: countTokens(turn.content) + countTokens(toolCalls) };
    const reported = { prompt_tokens: usage.inputTokens, completion_tokens: usage.outputTokens, total_tokens: usage.inputTokens + usage.outputTokens };
    await send(`data: ${JSON.stringify({ ...base, choices: [], usage: reported })}\n\n`);
  }
  await send("data: [DONE]\n\n");
  response.end();
}
