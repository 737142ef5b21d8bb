/** The "Re-run from here" dialog's text: a JSON object with one value per input port of the step. */
export function parseForkInput(text: string): { ok: true; input: Record<string, unknown> } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `Not valid JSON: ${(error as Error).message}` };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return { ok: false, error: "The input is an object with one value per input port, e.g. {\"in\": ...}" };
  return { ok: true, input: value as Record<string, unknown> };
}
