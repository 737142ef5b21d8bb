import type { TStepValues } from "./step-value-field";
import { MAX_LISTED_VALUE_CHARS, truncateJson } from "./truncate-json";

type TEffects = { now?: unknown; random?: unknown; result?: unknown; calls?: unknown };

/**
 * A step as `run.steps` lists it: each recorded value (input, output, error, time and random lists, the result, and
 * each attached call's input, output and error) over `maxChars` replaced by a truncation marker. Everything else of
 * the step, and of each call (ids, kinds, timings, usage), is kept as it is.
 */
export function trimStepValues<T extends TStepValues>(step: T, maxChars: number = MAX_LISTED_VALUE_CHARS): T {
  const trim = (value: unknown) => truncateJson(value, maxChars);
  return { ...step, input: trim(step.input), output: trim(step.output), error: trim(step.error), effects: trimEffects(step.effects, trim) };
}

function trimEffects(effects: unknown, trim: (value: unknown) => unknown): unknown {
  if (effects === null || typeof effects !== "object" || Array.isArray(effects)) return effects;
  const { now, random, result, calls, ...rest } = effects as TEffects;
  const trimmed: Record<string, unknown> = { ...rest, now: trim(now), random: trim(random) };
  if (result !== undefined) trimmed.result = trim(result);
  if (Array.isArray(calls)) {
    trimmed.calls = calls.map((call: Record<string, unknown>) => ({ ...call, input: trim(call.input), output: trim(call.output), error: trim(call.error) }));
  }
  return trimmed;
}
