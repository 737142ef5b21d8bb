// The offline model: answers from turns written in its config, calls nothing. Demos and tests run without a key; the
// palette labels it as scripted so nobody mistakes it for a model.
import { renderTemplate } from "@/lib/values/render-template";
import type { TChatMessage, TModelRequest, TModelResponse } from "../../runtime/attached-contract";
import { NonRetriableError } from "../../runtime/errors";
import type { TNodeImplementation } from "../../runtime/node-implementation";

type TScriptedTurn = { content?: string; toolCalls?: { name: string; arguments?: unknown }[] };

export const scriptedModelNode: TNodeImplementation = {
  definition: {
    type: "core/scripted-model",
    version: 1,
    title: "Scripted model (offline)",
    category: "ai",
    icon: "script",
    description: "Offline, not a real model: answers an Agent with the turns you write, tool calls included.",
    inputs: [],
    outputs: [{ id: "model", kind: "model" }],
    configSchema: {
      type: "object",
      required: ["turns"],
      properties: {
        turns: {
          type: "array",
          title: "Turns",
          maxItems: 100,
          description:
            "One turn per model call of an agent's answer, in order: a message ends the answer, a turn with tool calls makes the agent call them and come back for the next turn",
          items: {
            type: "object",
            title: "Turn",
            properties: {
              content: {
                type: "string",
                title: "Message",
                maxLength: 20_000,
                description: "What the model says; {{input}} is the user's message, {{toolResults.0}} the first result of the last tool round",
                examples: ["Your question has {{toolResults.0.words}} words."],
              },
              toolCalls: {
                type: "array",
                title: "Tool calls",
                description: "Tools the agent calls before the next turn",
                items: {
                  type: "object",
                  title: "Tool call",
                  required: ["name"],
                  properties: {
                    name: { type: "string", title: "Tool name", minLength: 1, description: "The Tool name of a node wired to the agent's tools", examples: ["count_words"] },
                    arguments: {
                      title: "Arguments",
                      description: "The JSON the tool gets as its input; strings may use {{input}} and {{toolResults.0}}",
                      examples: [{ text: "{{input}}" }],
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    uiHints: {
      turns: {
        itemTitle: "Turn",
        addItems: [
          { label: "Add a message turn", value: { content: "" } },
          { label: "Add a tool-call turn", value: { content: "", toolCalls: [{ name: "", arguments: {} }] } },
        ],
      },
      "turns.[].content": { widget: "textarea" },
      "turns.[].toolCalls": { itemTitle: "Tool call", addItems: [{ label: "Add a tool call", value: { name: "", arguments: {} } }] },
    },
    sideEffects: "effectful",
  },
  execute() {
    return Promise.reject(new NonRetriableError("A model runs only when wired to an Agent's model port"));
  },
  attachment: {
    async model(context, request) {
      const turns = Array.isArray(context.config.turns) ? (context.config.turns as TScriptedTurn[]) : [];
      return answer(turns, request);
    },
  },
};

/** The turn to play is the number of model answers since the user's message: a new question starts from the top. */
export function answer(turns: TScriptedTurn[], request: TModelRequest): TModelResponse {
  const lastUser = request.messages.findLastIndex((message) => message.role === "user");
  const since = request.messages.slice(lastUser + 1);
  const index = since.filter((message) => message.role === "assistant").length;
  const turn = turns[index];
  const userText = lastUser >= 0 ? (request.messages[lastUser] as Extract<TChatMessage, { role: "user" }>).content : "";
  const lastRound = since.slice(since.findLastIndex((message) => message.role === "assistant") + 1);
  const toolResults = lastRound.flatMap((message) => (message.role === "tool" ? [parseMaybeJson(message.content)] : []));
  const data = { input: userText, toolResults };
  const content = turn ? renderTemplate(turn.content ?? "", data) : "(the scripted model has no more turns)";
  const toolCalls = (turn?.toolCalls ?? []).map((call, callIndex) => ({ id: `call_${index}_${callIndex}`, name: call.name, arguments: renderStrings(call.arguments ?? {}, data) }));
  for (const word of content.match(/\S+\s*/g) ?? []) request.onToken?.(word);
  const inputTokens = Math.ceil(JSON.stringify(request.messages).length / 4);
  return { content, toolCalls, usage: { inputTokens, outputTokens: Math.ceil(content.length / 4) }, costUsd: 0, model: "scripted", finishReason: toolCalls.length > 0 ? "tool_calls" : "stop" };
}

/** Placeholders in string arguments are filled too, so a script can pass the user's words to a tool. */
function renderStrings(value: unknown, data: Record<string, unknown>): unknown {
  if (typeof value === "string") return renderTemplate(value, data);
  if (Array.isArray(value)) return value.map((item) => renderStrings(item, data));
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renderStrings(item, data)]));
  return value;
}

function parseMaybeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
