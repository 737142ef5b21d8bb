// `npm run openclaw -- import FILE [--workspace SLUG] [--name NAME]` and `npm run openclaw -- export GRAPH_ID`:
// openclaw.json to and from a running studio over HTTP (STUDIO_URL, STUDIO_API_KEY). Never touches the database.
import { env } from "../env";
import { CliUsageError, parseCliArgs } from "./parse-cli-args";
import { runOpenClawCli } from "./run-openclaw-cli";
import { createStudioClient, StudioCallError } from "./studio-client";

async function main() {
  try {
    const command = parseCliArgs(process.argv.slice(2));
    const { STUDIO_URL, STUDIO_API_KEY } = env();
    if (!STUDIO_URL || !STUDIO_API_KEY) throw new CliUsageError("set STUDIO_URL (the studio's address) and STUDIO_API_KEY (a workspace API key, editor role or above)");
    process.stdout.write(await runOpenClawCli(command, createStudioClient({ url: STUDIO_URL, apiKey: STUDIO_API_KEY })));
  } catch (error) {
    if (!(error instanceof CliUsageError || error instanceof StudioCallError || (error as NodeJS.ErrnoException).code === "ENOENT")) throw error;
    process.stderr.write(`openclaw: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}

void main();
