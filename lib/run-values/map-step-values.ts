import type { TStepValues } from "./step-value-field";

type TEffects = { now?: unknown; random?: unknown; result?: unknown; calls?: unknown };

/**
 * The step with each recorded value (input, output, error, the effects' time and random lists and result, each
 * attached call's input, output and error) replaced by `map(value)`; everything else (ids, kinds, timings, usage) is
 * kept. Values are visited in the same order every time, so two passes line up (see mapStepValuesAsync on the server).
 */
export function mapStepValues<T extends TStepValues>(step: T, map: (value: unknown) => unknown): T {
  return { ...step, input: map(step.input), output: map(step.output), error: map(step.error), effects: mapEffects(step.effects, map) };
}

function mapEffects(effects: unknown, map: (value: unknown) => unknown): unknown {
  if (effects === null || typeof effects !== "object" || Array.isArray(effects)) return effects;
  const { now, random, result, calls, ...rest } = effects as TEffects;
  const mapped: Record<string, unknown> = { ...rest, now: map(now), random: map(random) };
  if (result !== undefined) mapped.result = map(result);
  if (Array.isArray(calls)) {
    mapped.calls = calls.map((call: Record<string, unknown>) => ({ ...call, input: map(call.input), output: map(call.output), error: map(call.error) }));
  }
  return mapped;
}
