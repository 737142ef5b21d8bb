// Reads a streamed Chat Completions answer: text deltas as they come, tool calls assembled from their pieces by
// index, usage from the last chunk (sent because the request asks for `stream_options.include_usage`).
import type { TModelUsage } from "../../runtime/attached-contract";
import { parseToolArguments } from "./parse-tool-arguments";
import { parseEventObject, type TStreamReader } from "./stream-reader";

type TToolCallDelta = { index?: number; id?: string; function?: { name?: string; arguments?: string } };
type TOpenAiChunk = {
  model?: string;
  choices?: { index?: number; delta?: { content?: string | null; tool_calls?: TToolCallDelta[] }; finish_reason?: string | null }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
  error?: { message?: string } | string;
};

export function createOpenAiStreamReader(subject: string, onToken?: (text: string) => void): TStreamReader {
  let content = "";
  const calls = new Map<number, { id: string; name: string; arguments: string }>();
  const usage: TModelUsage = { inputTokens: 0, outputTokens: 0 };
  let finishReason = "";
  let model: string | undefined;
  let isDone = false;

  return {
    take(data) {
      if (data.trim() === "[DONE]") return (isDone = true);
      const chunk = parseEventObject<TOpenAiChunk>(subject, data);
      if (chunk.error) {
        const message = typeof chunk.error === "string" ? chunk.error : (chunk.error.message ?? JSON.stringify(chunk.error));
        throw new Error(`The model ${subject} failed while answering: ${message}`);
      }
      model ??= chunk.model;
      if (chunk.usage) {
        usage.inputTokens = chunk.usage.prompt_tokens ?? 0;
        usage.outputTokens = chunk.usage.completion_tokens ?? 0;
      }
      // One answer is asked for (no `n`), so only the first choice is read.
      const choice = chunk.choices?.find((candidate) => (candidate.index ?? 0) === 0);
      if (!choice) return false;
      const text = choice.delta?.content;
      if (text) {
        content += text;
        onToken?.(text);
      }
      choice.delta?.tool_calls?.forEach((delta, position) => {
        // Servers that send each call whole (Ollama) may leave out `index`: the position in the list stands in.
        const index = delta.index ?? position;
        const call = calls.get(index) ?? { id: "", name: "", arguments: "" };
        // The id and name arrive whole in a call's first piece; some servers repeat them, so later copies are ignored.
        call.id ||= delta.id ?? "";
        call.name ||= delta.function?.name ?? "";
        call.arguments += delta.function?.arguments ?? "";
        calls.set(index, call);
      });
      if (choice.finish_reason) finishReason = choice.finish_reason;
      return false;
    },
    // Some compatible servers send no `[DONE]` after the finish reason; the answer is whole without it.
    isComplete: () => isDone || finishReason !== "",
    finish() {
      const toolCalls = [...calls.entries()]
        .sort(([a], [b]) => a - b)
        .map(([index, call]) => ({ id: call.id || `call_${index}`, name: call.name, arguments: parseToolArguments(call.name, call.arguments) }));
      return { content, toolCalls, usage, finishReason: finishReason || (toolCalls.length > 0 ? "tool_calls" : "stop"), model };
    },
  };
}
