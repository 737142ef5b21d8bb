// The graph settings the editor lets a user set (the run limits), read from and written to the spec as typed text.
import { ZGraphSettings, type TGraphSettings } from "@/lib/graph";
import { DEFAULT_MAX_STEPS } from "@/lib/runs/run-limits";

export type TSettingsField = { key: "maxSteps" | "runTimeoutMs" | "tokenBudget" | "costBudgetUsd"; label: string; placeholder: string; isInteger: boolean };

export const SETTINGS_FIELDS: readonly TSettingsField[] = [
  { key: "maxSteps", label: "Max steps", placeholder: `${DEFAULT_MAX_STEPS} (default)`, isInteger: true },
  { key: "runTimeoutMs", label: "Run timeout (seconds)", placeholder: "no timeout", isInteger: false },
  { key: "tokenBudget", label: "Token budget", placeholder: "no budget", isInteger: true },
  { key: "costBudgetUsd", label: "Cost budget (USD)", placeholder: "no budget", isInteger: false },
];

/** The timeout is typed in seconds and stored in milliseconds. */
const scaleOf = (field: TSettingsField) => (field.key === "runTimeoutMs" ? 1_000 : 1);

export function toFieldText(settings: TGraphSettings, field: TSettingsField): string {
  const value = settings[field.key];
  return value === undefined ? "" : String(value / scaleOf(field));
}

/** The settings with the field set to what the user typed (empty unsets it), or why the value is refused. */
export function applySettingsField(settings: TGraphSettings, field: TSettingsField, text: string): { settings: TGraphSettings } | { error: string } {
  const { [field.key]: _previous, ...rest } = settings;
  if (text.trim() === "") return { settings: rest };
  const typed = Number(text);
  if (!Number.isFinite(typed) || typed <= 0) return { error: `${field.label}: enter a number above 0, or nothing for ${field.placeholder}` };
  if (field.isInteger && !Number.isInteger(typed)) return { error: `${field.label}: enter a whole number` };
  const value = Math.round(typed * scaleOf(field) * 1e6) / 1e6;
  if (field.key === "runTimeoutMs" && value < 1_000) return { error: `${field.label}: at least 1 second` };
  const parsed = ZGraphSettings.safeParse({ ...rest, [field.key]: value });
  if (!parsed.success) return { error: `${field.label}: ${parsed.error.issues[0]?.message ?? "not allowed"}` };
  return { settings: parsed.data };
}
