// `npm run openclaw -- import FILE [--workspace SLUG] [--name NAME]` | `export GRAPH_ID`: the words to a command.

export type TCliCommand =
  | { kind: "import"; file: string; workspaceSlug?: string; name?: string }
  | { kind: "export"; graphId: string };

export const USAGE = "usage: npm run openclaw -- import FILE [--workspace SLUG] [--name NAME]\n       npm run openclaw -- export GRAPH_ID";

export class CliUsageError extends Error {}

export function parseCliArgs(args: string[]): TCliCommand {
  const [command, ...rest] = args;
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let index = 0; index < rest.length; index++) {
    const word = rest[index]!;
    if (!word.startsWith("--")) {
      positional.push(word);
      continue;
    }
    const [flag, inline] = word.slice(2).split("=", 2) as [string, string | undefined];
    const value = inline ?? rest[++index];
    if (!["workspace", "name"].includes(flag) || command !== "import") throw new CliUsageError(`unknown option --${flag}\n${USAGE}`);
    if (value === undefined || value === "") throw new CliUsageError(`--${flag} needs a value\n${USAGE}`);
    options[flag] = value;
  }
  if (command === "import" && positional.length === 1) return { kind: "import", file: positional[0]!, workspaceSlug: options.workspace, name: options.name };
  if (command === "export" && positional.length === 1) return { kind: "export", graphId: positional[0]! };
  throw new CliUsageError(USAGE);
}
