import type { TStepValueField, TStepValues } from "./step-value-field";

type TCall = { input?: unknown; output?: unknown; error?: unknown };
type TEffects = { now?: unknown; random?: unknown; result?: unknown; calls?: TCall[] };

/** The value `field` names in a step's record; `found: false` for a call index the step does not have. */
export function pickStepValue(step: Partial<TStepValues>, field: TStepValueField): { found: true; value: unknown } | { found: false } {
  if (field === "input" || field === "output" || field === "error") return { found: true, value: step[field] ?? null };
  const effects = (step.effects ?? {}) as TEffects;
  if (typeof field === "string") return { found: true, value: effects[field] ?? null };
  const call = Array.isArray(effects.calls) ? effects.calls[field.call] : undefined;
  if (!call) return { found: false };
  return { found: true, value: call[field.part] ?? null };
}
