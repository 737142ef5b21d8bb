import { getAtPath } from "@/lib/values/get-at-path";
import type { TNodeImplementation } from "../../node-implementation";

export const CONDITION_OPERATORS = ["equals", "notEquals", "exists", "greaterThan", "lessThan", "contains"] as const;
export type TConditionOperator = (typeof CONDITION_OPERATORS)[number];

export function evaluateCondition(actual: unknown, operator: TConditionOperator, expected: unknown): boolean {
  switch (operator) {
    case "equals":
      return JSON.stringify(actual) === JSON.stringify(expected);
    case "notEquals":
      return JSON.stringify(actual) !== JSON.stringify(expected);
    case "exists":
      return actual !== undefined && actual !== null;
    case "greaterThan":
      return typeof actual === "number" && typeof expected === "number" && actual > expected;
    case "lessThan":
      return typeof actual === "number" && typeof expected === "number" && actual < expected;
    case "contains":
      return (typeof actual === "string" && typeof expected === "string" && actual.includes(expected)) || (Array.isArray(actual) && actual.some((item) => JSON.stringify(item) === JSON.stringify(expected)));
  }
}

/** Sends its input on `true` or `false`; the other side gets a skip marker, so joins after it do not wait forever. */
export const branchNode: TNodeImplementation = {
  definition: {
    type: "core/branch",
    version: 1,
    title: "Branch",
    category: "flow",
    icon: "git-branch",
    description: "Routes the input by a condition on one of its fields.",
    inputs: [{ id: "in", kind: "data" }],
    outputs: [
      { id: "true", kind: "data", label: "true" },
      { id: "false", kind: "data", label: "false" },
    ],
    configSchema: {
      type: "object",
      required: ["operator"],
      properties: {
        path: { type: "string", title: "Field", description: "Path of the field in the input that is checked; empty for the whole input", examples: ["order.total"] },
        operator: { title: "Condition", enum: [...CONDITION_OPERATORS], description: "How the field is compared; true goes out on `true`, false on `false`" },
        value: { title: "Compared with", description: "A JSON value (not used by exists)", examples: [100, "urgent"] },
      },
    },
    sideEffects: "pure",
  },
  async execute(context) {
    const path = typeof context.config.path === "string" ? context.config.path : "";
    const actual = path ? getAtPath(context.inputs.in, path) : context.inputs.in;
    const isTrue = evaluateCondition(actual, context.config.operator as TConditionOperator, context.config.value);
    return { kind: "outputs", outputs: { [isTrue ? "true" : "false"]: context.inputs.in } };
  },
};
