// Starting points for new graphs. Each is a valid spec of core node types (templates.test.ts checks them), laid out
// so that no card or the run area under it covers another (components/editor/node-layout.test.ts checks that).
import { GRAPH_FORMAT, type TGraphEdge, type TGraphNode, type TGraphSpec } from "./spec";

export type TGraphTemplate = { id: string; title: string; description: string; spec: TGraphSpec };

function node(id: string, type: string, label: string, x: number, y: number, config: Record<string, unknown> = {}): TGraphNode {
  return { id, type, typeVersion: 1, label, position: { x, y }, config };
}

function edge(source: string, sourcePort: string, target: string, targetPort: string): TGraphEdge {
  return { id: `${source}-${sourcePort}-${target}`, source: { node: source, port: sourcePort }, target: { node: target, port: targetPort } };
}

function spec(nodes: TGraphNode[], edges: TGraphEdge[]): TGraphSpec {
  return { format: GRAPH_FORMAT, nodes, edges, settings: {} };
}

export const GRAPH_TEMPLATES: readonly TGraphTemplate[] = [
  {
    id: "approval",
    title: "Approval workflow",
    description: "A request waits for a person to approve or reject it, then each answer takes its own path.",
    spec: spec(
      [
        node("request", "core/input", "Request", 0, 100, { schema: { type: "object", required: ["amount"], properties: { amount: { type: "number" } } } }),
        node("review", "core/approval", "Manager review", 280, 100, { prompt: "Approve this expense?" }),
        node("approved", "core/output", "Approved", 560, 0, { name: "approved" }),
        node("rejected", "core/output", "Rejected", 560, 200, { name: "rejected" }),
      ],
      [edge("request", "out", "review", "in"), edge("review", "approved", "approved", "in"), edge("review", "rejected", "rejected", "in")],
    ),
  },
  {
    id: "branch",
    title: "Route by a condition",
    description: "Large amounts go one way, small ones another; the merge continues with whichever branch ran.",
    spec: spec(
      [
        node("order", "core/input", "Order", 0, 100),
        node("check", "core/branch", "Over 100?", 260, 100, { path: "amount", operator: "greaterThan", value: 100 }),
        node("large", "core/template", "Large order", 520, 0, { template: "Large order of {{input.amount}}" }),
        node("small", "core/template", "Small order", 520, 200, { template: "Small order of {{input.amount}}" }),
        node("merge", "core/merge", "Either", 780, 100, { mode: "all" }),
        node("result", "core/output", "Result", 1040, 100, { name: "result" }),
      ],
      [edge("order", "out", "check", "in"), edge("check", "true", "large", "in"), edge("check", "false", "small", "in"), edge("large", "out", "merge", "in"), edge("small", "out", "merge", "in"), edge("merge", "out", "result", "in")],
    ),
  },
  {
    id: "map",
    title: "Process a list",
    description: "Each item of a list runs through the same steps, a few at a time, and the results come back in order.",
    spec: spec(
      [
        node("items", "core/input", "Items", 0, 100),
        node("each", "core/map", "For each item", 260, 100, { concurrency: 4 }),
        node("format", "core/template", "Format item", 520, 100, { template: "Item: {{input}}" }),
        node("all", "core/output", "All results", 780, 100, { name: "results" }),
      ],
      [edge("items", "out", "each", "in"), edge("each", "item", "format", "in"), edge("format", "out", "each", "result"), edge("each", "results", "all", "in")],
    ),
  },
  {
    id: "agent-tools",
    title: "Agent with tools",
    description: "An agent that looks up the weather over HTTP and computes with code, remembering each user's conversation.",
    spec: spec(
      [
        node("question", "core/input", "Question", 0, 0, { schema: { type: "object", required: ["text"], properties: { text: { type: "string" }, user: { type: "string" } } } }),
        node("agent", "core/agent", "Assistant", 320, 0, { systemPrompt: "You are a concise assistant. Use your tools for weather and arithmetic.", prompt: "{{input.text}}", sessionKey: "{{input.user}}" }),
        node("model", "core/scripted-model", "Model (swap for a provider)", 0, 200, { turns: [{ content: "Replace this scripted model with an OpenAI-compatible or Anthropic model to answer for real." }] }),
        node("weather", "core/http-request", "Weather", 0, 400, {
          url: "https://api.open-meteo.com/v1/forecast?latitude={{input.latitude}}&longitude={{input.longitude}}&current=temperature_2m",
          toolName: "current_weather",
          toolDescription: "Current temperature at a latitude and longitude",
          toolInputSchema: { type: "object", required: ["latitude", "longitude"], properties: { latitude: { type: "number" }, longitude: { type: "number" } } },
        }),
        node("calc", "core/code", "Calculator", 0, 622, {
          code: "return Number(input.a) * Number(input.b);",
          toolName: "multiply",
          toolDescription: "Multiplies a by b",
          toolInputSchema: { type: "object", required: ["a", "b"], properties: { a: { type: "number" }, b: { type: "number" } } },
        }),
        node("memory", "core/memory", "Memory", 0, 844, { window: 20 }),
        node("answer", "core/output", "Answer", 600, 0, { name: "answer" }),
      ],
      [
        edge("question", "out", "agent", "in"),
        edge("model", "model", "agent", "model"),
        edge("weather", "asTool", "agent", "tools"),
        edge("calc", "asTool", "agent", "tools"),
        edge("memory", "memory", "agent", "memory"),
        edge("agent", "out", "answer", "in"),
      ],
    ),
  },
  {
    id: "multi-agent",
    title: "Multi-agent delegation",
    description: "A coordinator hands research and writing to two specialist agents, each wired to it as a tool.",
    spec: spec(
      [
        node("brief", "core/input", "Brief", 0, 0),
        node("coordinator", "core/agent", "Coordinator", 520, 0, { systemPrompt: "Split the brief: ask the researcher for facts, then the writer for the text." }),
        node("coordinatorModel", "core/scripted-model", "Coordinator model", 260, 200, {
          turns: [
            { toolCalls: [{ name: "researcher", arguments: { task: "Find three facts about: {{input}}" } }] },
            { toolCalls: [{ name: "writer", arguments: { task: "Write a short paragraph from these facts: {{toolResults.0}}" } }] },
            { content: "{{toolResults.0}}" },
          ],
        }),
        node("researcher", "core/agent", "Researcher", 260, 400, { toolName: "researcher", toolDescription: "Finds facts about a topic", systemPrompt: "You find facts." }),
        node("researcherModel", "core/scripted-model", "Researcher model", 0, 400, { turns: [{ content: "Fact one. Fact two. Fact three." }] }),
        node("writer", "core/agent", "Writer", 260, 666, { toolName: "writer", toolDescription: "Writes text from notes", systemPrompt: "You write clear prose." }),
        node("writerModel", "core/scripted-model", "Writer model", 0, 666, { turns: [{ content: "A paragraph built from: {{input}}" }] }),
        node("result", "core/output", "Result", 780, 0, { name: "text" }),
      ],
      [
        edge("brief", "out", "coordinator", "in"),
        edge("coordinatorModel", "model", "coordinator", "model"),
        edge("researcher", "asTool", "coordinator", "tools"),
        edge("writer", "asTool", "coordinator", "tools"),
        edge("researcherModel", "model", "researcher", "model"),
        edge("writerModel", "model", "writer", "model"),
        edge("coordinator", "out", "result", "in"),
      ],
    ),
  },
  {
    id: "webhook-agent-http",
    title: "Webhook to agent to HTTP",
    description: "A POST to the graph's webhook URL is summarised by an agent and the summary is posted on to another service.",
    spec: spec(
      [
        node("hook", "core/webhook", "Incoming webhook", 0, 0),
        node("agent", "core/agent", "Summariser", 260, 0, { systemPrompt: "Summarise the event in one sentence.", prompt: "{{input.body}}" }),
        node("model", "core/scripted-model", "Model (swap for a provider)", 0, 200, { turns: [{ content: "Summary of: {{input}}" }] }),
        node("notify", "core/http-request", "Post summary", 520, 0, {
          method: "POST",
          url: "https://hooks.example.com/notify",
          headers: { "content-type": "application/json" },
          body: "{{input}}",
        }),
        node("done", "core/output", "Delivery", 780, 0, { name: "delivery" }),
      ],
      [edge("hook", "out", "agent", "in"), edge("model", "model", "agent", "model"), edge("agent", "out", "notify", "in"), edge("notify", "out", "done", "in")],
    ),
  },
];
