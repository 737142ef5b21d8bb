// A provider-neutral model request in the Chat Completions wire format (OpenAI and the servers that copy it).
import type { TChatMessage, TModelRequest } from "../../runtime/attached-contract";
import { chooseMaxTokensField } from "./max-tokens-parameter";

/** `config` is the model node's: its `maxTokensParameter` says which field carries `maxTokens`. */
export function toOpenAiRequest(model: string, request: TModelRequest, config: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    model,
    messages: request.messages.map(toOpenAiMessage),
    // An empty `tools` array is refused by some servers that copy the API: leave it out instead.
    ...(request.tools.length > 0
      ? { tools: request.tools.map((tool) => ({ type: "function", function: { name: tool.name, description: tool.description, parameters: tool.inputSchema } })) }
      : {}),
    ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    ...(request.topP !== undefined ? { top_p: request.topP } : {}),
    ...(request.maxTokens !== undefined ? { [chooseMaxTokensField(model, config.maxTokensParameter)]: request.maxTokens } : {}),
    ...(request.stop && request.stop.length > 0 ? { stop: request.stop } : {}),
    stream: true,
    stream_options: { include_usage: true },
  };
}

function toOpenAiMessage(message: TChatMessage): Record<string, unknown> {
  switch (message.role) {
    case "system":
    case "user":
      return { role: message.role, content: message.content };
    case "assistant":
      if (!message.toolCalls || message.toolCalls.length === 0) return { role: "assistant", content: message.content };
      return {
        role: "assistant",
        // The API wants null, not "", beside tool calls without text.
        content: message.content || null,
        tool_calls: message.toolCalls.map((call) => ({ id: call.id, type: "function", function: { name: call.name, arguments: JSON.stringify(call.arguments ?? {}) } })),
      };
    case "tool":
      return { role: "tool", tool_call_id: message.toolCallId, content: message.content };
  }
}
