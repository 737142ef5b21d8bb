import { z } from "zod";

/**
 * Which recorded value of a step to load in full: one of its columns, an effects list, or a part of one attached
 * call (model response, tool result, memory) by its index in the step's `effects.calls`.
 */
export const ZStepValueField = z.union([
  z.enum(["input", "output", "error", "now", "random", "result"]),
  z.object({ call: z.number().int().min(0).max(100_000), part: z.enum(["input", "output", "error"]) }).strict(),
]);
export type TStepValueField = z.infer<typeof ZStepValueField>;

/** The values of a step that `run.steps` lists truncated and `run.stepValue` answers in full. */
export type TStepValues = { input: unknown; output: unknown; error: unknown; effects: unknown };
