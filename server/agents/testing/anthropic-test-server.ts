// A local Anthropic Messages server for tests: answers streamed in the API's exact SSE format (message_start with the
// input usage, text and tool_use content blocks, text and input JSON deltas, message_delta with the stop reason and
// output usage, message_stop), from a script of turns.
import type { ServerResponse } from "node:http";
import { countTokens, splitJson, splitWords, startScriptedModelServer, type TApiRefusal, type TRecordedRequest, type TSendEvent, type TTestServer, type TTestTurn, type TTestTurns } from "./scripted-model-server";

/** `url` is the base URL a provider node is configured with (the API's paths start with `/v1`). */
export function startAnthropicTestServer(turns: TTestTurns): Promise<TTestServer> {
  return startScriptedModelServer(turns, { path: "/v1/messages", check, writeError, writeTurn });
}

function check(request: TRecordedRequest): TApiRefusal | undefined {
  const message = findProblem(request);
  return message === undefined ? undefined : { message };
}

function findProblem(request: TRecordedRequest): string | undefined {
  const { body, headers } = request;
  if (!headers["anthropic-version"]) return "anthropic-version: header is required";
  if (typeof body.model !== "string" || body.model === "") return "model: Field required";
  if (typeof body.max_tokens !== "number") return "max_tokens: Field required";
  if (!Array.isArray(body.messages) || body.messages.length === 0) return "messages: at least one message is required";
  if ((body.messages as { role?: string }[]).some((message) => message.role !== "user" && message.role !== "assistant")) {
    return "messages: roles must be 'user' or 'assistant' (the system prompt is the top-level `system` field)";
  }
  if (body.stream !== true) return "this test server only streams: set stream: true";
  return undefined;
}

const ERROR_TYPES: Record<number, string> = { 400: "invalid_request_error", 401: "authentication_error", 403: "permission_error", 404: "not_found_error", 429: "rate_limit_error", 529: "overloaded_error" };

function writeError(response: ServerResponse, status: number, { message }: TApiRefusal, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify({ type: "error", error: { type: ERROR_TYPES[status] ?? "api_error", message } }));
}

async function writeTurn(response: ServerResponse, sendEvent: TSendEvent, turn: TTestTurn, request: TRecordedRequest, index: number): Promise<void> {
  const send = (type: string, data: Record<string, unknown>) => sendEvent(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
  const toolCalls = turn.toolCalls ?? [];
  const usage = turn.usage ?? { inputTokens: countTokens([request.body.system, request.body.messages]), outputTokens: countTokens(turn.content) + countTokens(toolCalls) };

  response.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" });
  const message = { id: `msg_test_${index}`, type: "message", role: "assistant", content: [], model: request.body.model, stop_reason: null, stop_sequence: null };
  await send("message_start", { message: { ...message, usage: { input_tokens: usage.inputTokens, output_tokens: 1 } } });
  let blockIndex = 0;
  if (turn.content) {
    await send("content_block_start", { index: blockIndex, content_block: { type: "text", text: "" } });
    await send("ping", {});
    for (const word of splitWords(turn.content)) await send("content_block_delta", { index: blockIndex, delta: { type: "text_delta", text: word } });
    await send("content_block_stop", { index: blockIndex });
    blockIndex += 1;
  }
  for (const [callIndex, call] of toolCalls.entries()) {
    await send("content_block_start", { index: blockIndex, content_block: { type: "tool_use", id: `toolu_${index}_${callIndex}`, name: call.name, input: {} } });
    for (const piece of splitJson(JSON.stringify(call.arguments ?? {}))) await send("content_block_delta", { index: blockIndex, delta: { type: "input_json_delta", partial_json: piece } });
    await send("content_block_stop", { index: blockIndex });
    blockIndex += 1;
  }
  await send("message_delta", { delta: { stop_reason: toolCalls.length > 0 ? "tool_use" : "end_turn", stop_sequence: null }, usage: { output_tokens: usage.outputTokens } });
  await send("message_stop", {});
  response.end();
}
