/**
 * A tool call's arguments as the model streamed them, in pieces, assembled into one JSON text. Empty means no
 * arguments (models send "" for a tool without parameters). Broken JSON is an error naming the tool: a retry samples
 * the model again and usually gets it right.
 */
export function parseToolArguments(toolName: string, text: string): unknown {
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    const excerpt = text.length > 200 ? `${text.slice(0, 200)}…` : text;
    throw new Error(`The model called the tool "${toolName}" with arguments that are not valid JSON: ${excerpt}`);
  }
}
