import JSON5 from "json5";
import type { TParseResult } from "./config-files";

/** Parses one JSON5 file; a syntax error names the file, line and column. Never evaluates anything. */
export function parseJson5File(path: string, text: string): TParseResult<unknown> {
  try {
    return { ok: true, value: JSON5.parse(text) as unknown };
  } catch (error) {
    const { lineNumber, columnNumber, message } = error as { lineNumber?: number; columnNumber?: number; message: string };
    const reason = message.replace(/^JSON5: /, "").replace(/ at \d+:\d+$/, "");
    const where = lineNumber ? `:${lineNumber}:${columnNumber ?? 1}` : "";
    return { ok: false, message: `${path}${where}: ${reason}` };
  }
}
