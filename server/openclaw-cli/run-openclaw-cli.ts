import { readConfigFolder } from "./read-config-folder";
import type { TCliCommand } from "./parse-cli-args";
import { StudioCallError, type TStudioClient } from "./studio-client";

type TWhoami = { workspace: { id: string; slug: string; name: string }; role: string };
type TImported = { graphId: string; agents: number; bindings: number; unknownKeys: string[] };

/** Runs one command against the studio; returns what to print on stdout. */
export async function runOpenClawCli(command: TCliCommand, client: TStudioClient): Promise<string> {
  const { workspace } = await client.query<TWhoami>("apiKey.whoami");
  if (command.kind === "import") {
    if (command.workspaceSlug && command.workspaceSlug !== workspace.slug) {
      throw new StudioCallError(`this API key belongs to workspace "${workspace.slug}", not "${command.workspaceSlug}": use a key of that workspace`);
    }
    const upload = readConfigFolder(command.file);
    const name = command.name ?? defaultName(command.file);
    const imported = await client.mutation<TImported>("openClaw.importConfig", { workspaceId: workspace.id, name, ...upload });
    return `${JSON.stringify({ graphId: imported.graphId, agents: imported.agents, bindings: imported.bindings, unknownKeys: imported.unknownKeys })}\n`;
  }
  const exported = await client.query<{ openclawJson: string }>("openClaw.exportConfig", { workspaceId: workspace.id, graphId: command.graphId });
  return exported.openclawJson;
}

/** `~/setups/support/openclaw.json` -> `support (openclaw.json)`. */
function defaultName(file: string): string {
  const parts = file.replace(/\\/g, "/").split("/").filter(Boolean);
  const base = parts.at(-1) ?? "openclaw.json";
  const folder = parts.at(-2);
  return folder && folder !== "." ? `${folder} (${base})` : base;
}
