import { GRAPH_FORMAT, type TGraphSpec } from "@/lib/graph";

/**
 * The graph every new studio starts with: an Agent on the offline scripted model with two Code tools, so it runs end
 * to end with no key and no network. Swap the model for a real provider to make it think for itself.
 * Laid out to be read at 1280 px (node-layout.test.ts checks it): the main line across the top, the agent's model and
 * tools stacked on the left, each card with room under it for a run's streamed text.
 */
export function createDemoGraphSpec(): TGraphSpec {
  return {
    format: GRAPH_FORMAT,
    nodes: [
      {
        id: "question",
        type: "core/input",
        typeVersion: 1,
        label: "Question",
        position: { x: 0, y: 0 },
        config: { schema: { type: "object", required: ["question"], properties: { question: { type: "string", minLength: 1 } } } },
      },
      { id: "prompt", type: "core/template", typeVersion: 1, label: "Build prompt", position: { x: 230, y: 0 }, config: { template: "{{input.question}}" } },
      {
        id: "assistant",
        type: "core/agent",
        typeVersion: 1,
        label: "Assistant",
        position: { x: 460, y: 0 },
        config: { systemPrompt: "You answer briefly and use your tools for counting and arithmetic.", maxTurns: 4 },
      },
      {
        id: "model",
        type: "core/scripted-model",
        typeVersion: 1,
        label: "Offline model",
        position: { x: 0, y: 200 },
        config: {
          turns: [
            { content: "Let me count and calculate.", toolCalls: [{ name: "count_words", arguments: { text: "{{input}}" } }, { name: "multiply", arguments: { a: 6, b: 7 } }] },
            { content: "Your question has {{toolResults.0.words}} words, and 6 × 7 = {{toolResults.1}}." },
          ],
        },
      },
      {
        id: "countWords",
        type: "core/code",
        typeVersion: 1,
        label: "Count words",
        position: { x: 0, y: 400 },
        config: {
          code: "return { words: String(input.text ?? '').split(/\\s+/).filter(Boolean).length };",
          toolName: "count_words",
          toolDescription: "Counts the words of a text",
          toolInputSchema: { type: "object", required: ["text"], properties: { text: { type: "string" } } },
        },
      },
      {
        id: "multiply",
        type: "core/code",
        typeVersion: 1,
        label: "Multiply",
        position: { x: 0, y: 622 },
        config: {
          code: "return Number(input.a) * Number(input.b);",
          toolName: "multiply",
          toolDescription: "Multiplies a by b",
          toolInputSchema: { type: "object", required: ["a", "b"], properties: { a: { type: "number" }, b: { type: "number" } } },
        },
      },
      { id: "answer", type: "core/output", typeVersion: 1, label: "Answer", position: { x: 690, y: 0 }, config: { name: "answer" } },
    ],
    edges: [
      { id: "question-prompt", source: { node: "question", port: "out" }, target: { node: "prompt", port: "in" } },
      { id: "prompt-assistant", source: { node: "prompt", port: "out" }, target: { node: "assistant", port: "in" } },
      { id: "model-assistant", source: { node: "model", port: "model" }, target: { node: "assistant", port: "model" } },
      { id: "countWords-assistant", source: { node: "countWords", port: "asTool" }, target: { node: "assistant", port: "tools" } },
      { id: "multiply-assistant", source: { node: "multiply", port: "asTool" }, target: { node: "assistant", port: "tools" } },
      { id: "assistant-answer", source: { node: "assistant", port: "out" }, target: { node: "answer", port: "in" } },
    ],
    settings: {},
  };
}
