// The agent's model/tool loop. Shared by an activated Agent node and an Agent invoked as another agent's tool
// (delegation): both give it their config, their attached nodes and an emitter for the tokens.
import { createHash } from "node:crypto";
import { renderTemplate } from "@/lib/values/render-template";
import type { TAttachedNode, TAttachedNodes, TBudgetLeft, TChatMessage, TModelResponse, TToolCall, TToolSpec } from "../../runtime/attached-contract";
import { BudgetExceededError, NonRetriableError } from "../../runtime/errors";
import { toToolName } from "../../runtime/tool-config";

export const DEFAULT_MAX_TURNS = 8;
/** A tool result longer than this reaches the model cut, with a note saying so. */
export const MAX_TOOL_RESULT_CHARS = 20_000;

export type TAgentLoopContext = {
  nodeId: string;
  runId: string;
  config: Record<string, unknown>;
  attached: TAttachedNodes;
  budget: TBudgetLeft;
  signal: AbortSignal;
  emitToken(text: string): void;
};

export type TAgentAnswer = {
  text: string;
  turns: number;
  stopReason: "answered" | "max_turns";
  toolCalls: { tool: string; arguments: unknown; ok: boolean }[];
  usage: { inputTokens: number; outputTokens: number; tokens: number; costUsd: number };
};

type TToolRoute = { node: TAttachedNode; toolName: string };

export async function runAgentLoop(context: TAgentLoopContext, input: unknown): Promise<TAgentAnswer> {
  const { config } = context;
  const name = String(config.toolName ?? "") || "Agent";
  const model = context.attached.model?.[0]?.model;
  if (!model) throw new NonRetriableError(`${name} has no model: connect a model provider to its model port`);
  const { specs, routes } = await collectTools(context.attached.tools ?? []);
  const memory = context.attached.memory?.[0]?.memory;
  const sessionKey = toSessionKey(renderTemplate(String(config.sessionKey ?? "") || "{{run.id}}", { input, run: { id: context.runId } }) || context.runId);

  const userMessage: TChatMessage = { role: "user", content: renderTemplate(String(config.prompt ?? "") || "{{input}}", { input }) };
  const history = memory ? await memory.load(sessionKey) : [];
  const messages: TChatMessage[] = [{ role: "system", content: String(config.systemPrompt ?? "You are a helpful assistant.") }, ...history, userMessage];
  const maxTurns = Number(config.maxTurns ?? DEFAULT_MAX_TURNS);
  const answer: TAgentAnswer = { text: "", turns: 0, stopReason: "max_turns", toolCalls: [], usage: { inputTokens: 0, outputTokens: 0, tokens: 0, costUsd: 0 } };

  while (answer.turns < maxTurns) {
    context.signal.throwIfAborted();
    answer.turns += 1;
    const response = await model({
      messages,
      tools: specs,
      temperature: optionalNumber(config.temperature),
      maxTokens: optionalNumber(config.maxTokens),
      topP: optionalNumber(config.topP),
      onToken: context.emitToken,
    });
    addUsage(answer, response);
    checkBudgets(context, answer);
    messages.push({ role: "assistant", content: response.content, ...(response.toolCalls.length > 0 ? { toolCalls: response.toolCalls } : {}) });
    answer.text = response.content;
    if (response.toolCalls.length === 0) {
      answer.stopReason = "answered";
      break;
    }
    // Tool results are data: whatever they say, the tools on offer stay those wired to this agent.
    for (const call of response.toolCalls) messages.push(await callTool(routes, call, answer));
    checkBudgets(context, answer);
  }
  if (memory) await memory.append(sessionKey, [userMessage, { role: "assistant", content: answer.text }]);
  return answer;
}

/** Every tool of every attached tool node, each under a unique name (a clash gets the node's name in front). */
async function collectTools(nodes: TAttachedNode[]): Promise<{ specs: TToolSpec[]; routes: Map<string, TToolRoute> }> {
  const specs: TToolSpec[] = [];
  const routes = new Map<string, TToolRoute>();
  for (const node of nodes) {
    if (!node.tools) throw new NonRetriableError(`"${node.name}" is wired as a tool but ${node.type} cannot be used as one`);
    for (const spec of await node.tools.list()) {
      const unique = routes.has(spec.name) ? toToolName(`${node.name}_${spec.name}`) : spec.name;
      routes.set(unique, { node, toolName: spec.name });
      specs.push({ ...spec, name: unique });
    }
  }
  return { specs, routes };
}

async function callTool(routes: Map<string, TToolRoute>, call: TToolCall, answer: TAgentAnswer): Promise<TChatMessage> {
  const route = routes.get(call.name);
  const reply = (content: string): TChatMessage => ({ role: "tool", toolCallId: call.id, name: call.name, content });
  if (!route) {
    answer.toolCalls.push({ tool: call.name, arguments: call.arguments, ok: false });
    return reply(`Error: there is no tool named "${call.name}". Available tools: ${[...routes.keys()].join(", ") || "none"}.`);
  }
  try {
    const result = await route.node.tools!.call(route.toolName, call.arguments);
    answer.toolCalls.push({ tool: call.name, arguments: call.arguments, ok: true });
    if (result.usage) {
      answer.usage.tokens += result.usage.tokens;
      answer.usage.costUsd += result.usage.costUsd;
    }
    return reply(toToolText(result.output));
  } catch (error) {
    // A delegated agent that ran out of budget stops the run (the budget is the run's), not just this tool call.
    if (error instanceof BudgetExceededError || (error instanceof Error && error.name === "AbortError")) throw error;
    answer.toolCalls.push({ tool: call.name, arguments: call.arguments, ok: false });
    return reply(`Error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function toToolText(output: unknown): string {
  const text = typeof output === "string" ? output : JSON.stringify(output ?? null);
  if (text.length <= MAX_TOOL_RESULT_CHARS) return text;
  return `${text.slice(0, MAX_TOOL_RESULT_CHARS)}\n[cut: the result had ${text.length} characters]`;
}

function addUsage(answer: TAgentAnswer, response: TModelResponse): void {
  answer.usage.inputTokens += response.usage.inputTokens;
  answer.usage.outputTokens += response.usage.outputTokens;
  answer.usage.tokens += response.usage.inputTokens + response.usage.outputTokens;
  answer.usage.costUsd += response.costUsd;
}

/** The node's own budget, then what was left of the run's: either fails the step (and the run) with BudgetExceeded. */
function checkBudgets(context: TAgentLoopContext, answer: TAgentAnswer): void {
  const own = optionalNumber(context.config.tokenBudget);
  const name = String(context.config.toolName ?? "") || "The agent";
  if (own !== undefined && answer.usage.tokens > own) {
    throw new BudgetExceededError(`${name} stopped: it used ${answer.usage.tokens} tokens; its budget is ${own}`);
  }
  if (context.budget.tokens !== undefined && answer.usage.tokens > context.budget.tokens) {
    throw new BudgetExceededError(`${name} stopped: the run's token budget is used up (${answer.usage.tokens} tokens in this step, ${context.budget.tokens} were left)`);
  }
  if (context.budget.costUsd !== undefined && answer.usage.costUsd > context.budget.costUsd) {
    throw new BudgetExceededError(`${name} stopped: the run's cost budget is used up ($${answer.usage.costUsd.toFixed(4)} in this step)`);
  }
}

const MAX_SESSION_KEY_CHARS = 200;

/** A session key rendered from a big input (a webhook body) is stored as its hash: it is part of a unique index. */
function toSessionKey(rendered: string): string {
  if (rendered.length <= MAX_SESSION_KEY_CHARS) return rendered;
  return `sha256:${createHash("sha256").update(rendered).digest("hex")}`;
}

function optionalNumber(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}
