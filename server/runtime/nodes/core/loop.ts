import type { TNodeImplementation } from "../../node-implementation";
import { evaluateCondition, CONDITION_OPERATORS, type TConditionOperator } from "./branch";
import { getAtPath } from "@/lib/values/get-at-path";

/**
 * A bounded cycle: iteration k runs in scope `[...scope, k]` with the value the body sent back to `continue`. It stops
 * after `maxIterations`, or as soon as the optional `while` condition is false for the value, and emits it on `done`.
 */
export const loopNode: TNodeImplementation = {
  definition: {
    type: "core/loop",
    version: 1,
    title: "Loop",
    category: "flow",
    icon: "repeat",
    description: "Repeats a branch with its own output, at most a set number of times.",
    inputs: [
      { id: "in", kind: "data" },
      { id: "continue", kind: "data", isRequired: false },
    ],
    outputs: [
      { id: "item", kind: "data", label: "iteration" },
      { id: "done", kind: "data" },
    ],
    configSchema: {
      type: "object",
      required: ["maxIterations"],
      properties: {
        maxIterations: { type: "integer", title: "Max iterations", minimum: 1, maximum: 10_000, description: "The loop ends after this many rounds, whatever the condition says", examples: [10] },
        while: {
          type: "object",
          title: "Repeat while",
          description: "A condition on the value coming back on `continue`; without one, the loop runs Max iterations rounds",
          required: ["operator"],
          properties: {
            path: { type: "string", title: "Field", description: "Path of the field that is checked; empty for the whole value" },
            operator: { title: "Condition", enum: [...CONDITION_OPERATORS], description: "How the field is compared; the loop goes on while it holds" },
            value: { title: "Compared with", description: "A JSON value (not used by exists)" },
          },
        },
      },
    },
    sideEffects: "pure",
    cycleInputs: ["continue"],
  },
  getJoinMode: () => "each",
  skipPorts: ["done"],
  async execute(context) {
    if ("in" in context.inputs) {
      return { kind: "outputs", outputs: {}, emissions: [{ port: "item", payload: context.inputs.in, scope: [...context.scope, 0] }] };
    }
    const parent = context.scope.slice(0, -1);
    const iteration = context.scope.at(-1)!;
    const value = context.inputs.continue;
    const condition = context.config.while as { path?: string; operator: TConditionOperator; value?: unknown } | undefined;
    const shouldContinue =
      !context.skippedPorts.includes("continue") &&
      iteration + 1 < Number(context.config.maxIterations) &&
      (!condition || evaluateCondition(condition.path ? getAtPath(value, condition.path) : value, condition.operator, condition.value));
    const emission = shouldContinue ? { port: "item", payload: value, scope: [...parent, iteration + 1] } : { port: "done", payload: value, scope: parent };
    return { kind: "outputs", outputs: {}, emissions: [emission] };
  },
};
