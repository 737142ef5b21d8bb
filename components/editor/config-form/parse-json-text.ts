import { locateJsonError } from "./locate-json-error";

export type TJsonTextError = {
  /** A sentence with the place, e.g. `line 3, column 3: Expected ',' or '}' after property value`. */
  message: string;
  line: number;
  column: number;
  /** Offset into the text where the mistake is, for marking it in the editor. */
  offset: number;
};

/**
 * Reads what the user typed into a JSON field. Empty text is "no value" (the setting is removed). A mistake comes back
 * with its line and column and a reason worded the same in every browser.
 */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; error: TJsonTextError } {
  if (text.trim() === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const located = locateJsonError(text) ?? { offset: text.length, reason: error instanceof Error ? error.message : String(error) };
    const before = text.slice(0, located.offset).split("\n");
    const line = before.length;
    const column = before[before.length - 1]!.length + 1;
    return { ok: false, error: { message: `line ${line}, column ${column}: ${located.reason}`, line, column, offset: located.offset } };
  }
}
