// A provider-neutral model request in the Anthropic Messages wire format: the system prompt apart, tool calls as
// `tool_use` blocks of the assistant, tool results as `tool_result` blocks of the next user message.
import type { TChatMessage, TModelRequest } from "../../runtime/attached-contract";

/** Anthropic requires `max_tokens`; this is used when the Agent sets none. */
export const DEFAULT_ANTHROPIC_MAX_TOKENS = 4096;

type TBlock = Record<string, unknown>;
type TAnthropicMessage = { role: "user" | "assistant"; content: TBlock[] };

export function toAnthropicRequest(model: string, request: TModelRequest): Record<string, unknown> {
  const system = request.messages.flatMap((message) => (message.role === "system" && message.content ? [message.content] : [])).join("\n\n");
  return {
    model,
    max_tokens: request.maxTokens ?? DEFAULT_ANTHROPIC_MAX_TOKENS,
    ...(system ? { system } : {}),
    messages: toAnthropicMessages(request.messages),
    ...(request.tools.length > 0 ? { tools: request.tools.map((tool) => ({ name: tool.name, description: tool.description, input_schema: tool.inputSchema })) } : {}),
    ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    ...(request.topP !== undefined ? { top_p: request.topP } : {}),
    ...(request.stop && request.stop.length > 0 ? { stop_sequences: request.stop } : {}),
    stream: true,
  };
}

/**
 * Consecutive messages of one role become one message with several blocks: the results of a round of tool calls must
 * all sit in the user message right after the assistant message that made the calls.
 */
function toAnthropicMessages(messages: TChatMessage[]): TAnthropicMessage[] {
  const result: TAnthropicMessage[] = [];
  for (const message of messages) {
    const translated = toAnthropicMessage(message);
    if (!translated) continue;
    const last = result.at(-1);
    if (last && last.role === translated.role) last.content.push(...translated.content);
    else result.push(translated);
  }
  return result;
}

function toAnthropicMessage(message: TChatMessage): TAnthropicMessage | undefined {
  switch (message.role) {
    case "system":
      return undefined;
    case "user":
      return { role: "user", content: [{ type: "text", text: message.content }] };
    case "assistant": {
      const text: TBlock[] = message.content ? [{ type: "text", text: message.content }] : [];
      const toolUses: TBlock[] = (message.toolCalls ?? []).map((call) => ({ type: "tool_use", id: call.id, name: call.name, input: toInput(call.arguments) }));
      // The API refuses an empty assistant message; an answer without text or calls said nothing worth sending back.
      return text.length + toolUses.length > 0 ? { role: "assistant", content: [...text, ...toolUses] } : undefined;
    }
    case "tool":
      return { role: "user", content: [{ type: "tool_result", tool_use_id: message.toolCallId, content: message.content }] };
  }
}

/** `input` must be an object; a model that gave anything else is shown it under `value`. */
function toInput(argumentsValue: unknown): Record<string, unknown> {
  if (typeof argumentsValue === "object" && argumentsValue !== null && !Array.isArray(argumentsValue)) return argumentsValue as Record<string, unknown>;
  return argumentsValue === undefined ? {} : { value: argumentsValue };
}
