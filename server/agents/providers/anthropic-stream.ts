// Reads a streamed Anthropic Messages answer: usage in message_start and message_delta, content blocks by index
// (text deltas streamed as they come, tool inputs assembled from their JSON pieces), the stop reason at the end.
import { NonRetriableError } from "../../runtime/errors";
import type { TModelUsage } from "../../runtime/attached-contract";
import { parseToolArguments } from "./parse-tool-arguments";
import { parseEventObject, type TStreamReader } from "./stream-reader";

type TBlock = { type: string; text: string; id: string; name: string; json: string };
type TAnthropicEvent = {
  type?: string;
  index?: number;
  message?: { model?: string; usage?: { input_tokens?: number; output_tokens?: number } };
  content_block?: { type?: string; text?: string; id?: string; name?: string };
  delta?: { type?: string; text?: string; partial_json?: string; stop_reason?: string | null };
  usage?: { input_tokens?: number; output_tokens?: number };
  error?: { type?: string; message?: string };
};

/** Stop reasons in the words the rest of the studio uses (those of the scripted and OpenAI-compatible providers). */
const FINISH_REASONS: Record<string, string> = { end_turn: "stop", stop_sequence: "stop", tool_use: "tool_calls", max_tokens: "length" };
/** Errors in the stream that a later attempt may not meet; every other kind fails the call for good. */
const PASSING_ERRORS = new Set(["overloaded_error", "api_error", "rate_limit_error", "timeout_error"]);

export function createAnthropicStreamReader(subject: string, onToken?: (text: string) => void): TStreamReader {
  const blocks = new Map<number, TBlock>();
  const usage: TModelUsage = { inputTokens: 0, outputTokens: 0 };
  let stopReason = "";
  let model: string | undefined;
  let isDone = false;

  return {
    take(data) {
      const event = parseEventObject<TAnthropicEvent>(subject, data);
      switch (event.type) {
        case "message_start":
          model = event.message?.model;
          usage.inputTokens = event.message?.usage?.input_tokens ?? 0;
          usage.outputTokens = event.message?.usage?.output_tokens ?? 0;
          break;
        case "content_block_start": {
          const start = event.content_block ?? {};
          const block = { type: start.type ?? "", text: "", id: start.id ?? "", name: start.name ?? "", json: "" };
          blocks.set(event.index ?? blocks.size, block);
          if (start.type === "text" && start.text) addText(block, start.text);
          break;
        }
        case "content_block_delta": {
          const block = blocks.get(event.index ?? -1);
          if (!block) throw new Error(`The stream from ${subject} sent a delta for a content block it never started`);
          if (event.delta?.type === "text_delta" && event.delta.text) addText(block, event.delta.text);
          if (event.delta?.type === "input_json_delta") block.json += event.delta.partial_json ?? "";
          break;
        }
        case "message_delta":
          // Anthropic's counts here are cumulative: the last one is the total.
          if (event.delta?.stop_reason) stopReason = event.delta.stop_reason;
          if (event.usage?.output_tokens !== undefined) usage.outputTokens = event.usage.output_tokens;
          if (event.usage?.input_tokens) usage.inputTokens = event.usage.input_tokens;
          break;
        case "message_stop":
          isDone = true;
          return true;
        case "error": {
          const kind = event.error?.type ?? "error";
          const message = `The model ${subject} failed while answering (${kind}): ${event.error?.message ?? "no message"}`;
          throw PASSING_ERRORS.has(kind) ? new Error(message) : new NonRetriableError(message);
        }
      }
      return false;
    },
    isComplete: () => isDone,
    finish() {
      const ordered = [...blocks.entries()].sort(([a], [b]) => a - b).map(([, block]) => block);
      const content = ordered.flatMap((block) => (block.type === "text" ? [block.text] : [])).join("");
      const toolCalls = ordered
        .filter((block) => block.type === "tool_use")
        .map((block) => ({ id: block.id, name: block.name, arguments: parseToolArguments(block.name, block.json) }));
      return { content, toolCalls, usage, finishReason: FINISH_REASONS[stopReason] ?? (stopReason || "stop"), model };
    },
  };

  function addText(block: TBlock, text: string): void {
    block.text += text;
    onToken?.(text);
  }
}
