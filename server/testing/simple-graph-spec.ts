import { GRAPH_FORMAT, type TGraphSpec } from "@/lib/graph";

/** A small valid graph of control nodes only (question -> prompt -> answer), for tests that need any runnable graph. */
export function createSimpleGraphSpec(): TGraphSpec {
  return {
    format: GRAPH_FORMAT,
    nodes: [
      {
        id: "question",
        type: "core/input",
        typeVersion: 1,
        label: "Question",
        position: { x: 0, y: 80 },
        config: { schema: { type: "object", required: ["question"], properties: { question: { type: "string", minLength: 1 } } } },
      },
      {
        id: "prompt",
        type: "core/template",
        typeVersion: 1,
        label: "Build prompt",
        position: { x: 300, y: 80 },
        config: { template: "Answer briefly: {{input.question}}" },
      },
      { id: "answer", type: "core/output", typeVersion: 1, label: "Answer", position: { x: 600, y: 80 }, config: { name: "answer" } },
    ],
    edges: [
      { id: "question-prompt", source: { node: "question", port: "out" }, target: { node: "prompt", port: "in" } },
      { id: "prompt-answer", source: { node: "prompt", port: "out" }, target: { node: "answer", port: "in" } },
    ],
    settings: {},
  };
}
