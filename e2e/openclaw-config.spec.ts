import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import JSON5 from "json5";
import { ADMIN, apiSignIn } from "./support/auth";

const TEAM_SETUP = path.resolve(import.meta.dirname, "../lib/openclaw-config/fixtures/team-setup");
const teamFile = (relative: string) => ({ name: path.basename(relative), mimeType: "application/octet-stream", buffer: readFileSync(path.join(TEAM_SETUP, relative)) });

test("imports an openclaw.json with its included files and workspace files, shows its agents on the canvas, and exports it back", async ({ page }) => {
  await apiSignIn(page.request, ADMIN);
  await page.goto("/w/demo");

  await page.getByLabel("openclaw.json and workspace files").setInputFiles([teamFile("openclaw.json")]);
  await page.getByRole("button", { name: "Import openclaw.json" }).click();
  await expect(page.getByText("agents/agents.json5: not among the uploaded files")).toBeVisible();

  // Picked one by one, files lose their folders; a flat copy of the setup includes by bare names.
  const flatConfig = readFileSync(path.join(TEAM_SETUP, "openclaw.json"), "utf8").replaceAll("./agents/", "./");
  await page.getByLabel("openclaw.json and workspace files").setInputFiles([
    { name: "openclaw.json", mimeType: "application/json", buffer: Buffer.from(flatConfig) },
    teamFile("agents/agents.json5"),
    teamFile("agents/tools-base.json5"),
    teamFile("agents/tools-team.json5"),
    teamFile("AGENTS.md"),
  ]);
  await page.getByRole("button", { name: "Import openclaw.json" }).click();

  await expect(page.getByRole("heading", { name: "openclaw.json" })).toBeVisible();
  const agents = page.locator('.react-flow__node[data-id^="agent-"]');
  await expect(agents).toHaveCount(3);
  await expect(agents.getByTestId("node-label")).toHaveText(["🧭 Tria (triage)", "billing", "tech"]);
  await expect(page.locator('.react-flow__node[data-id="agent-2"]').getByTestId("node-summary")).toContainText("model openai/gpt-5.4");
  await expect(page.locator('.react-flow__node[data-id="agent-2"]').getByTestId("node-summary")).toContainText("unknown keys: mood");
  await expect(page.locator('.react-flow__node[data-id^="binding-"]')).toHaveCount(3);
  await expect(page.getByTestId("problems-panel")).toContainText("No problems");

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export openclaw.json", exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("openclaw.json");
  const exported = JSON5.parse(readFileSync(await download.path(), "utf8")) as { agents: { list: { id: string }[] }; bindings: { agentId: string }[]; studioExperiment: unknown; tools: unknown };
  expect(exported.agents.list.map((agent) => agent.id)).toEqual(["triage", "billing", "tech"]);
  expect(exported.bindings.map((binding) => binding.agentId)).toEqual(["triage", "billing", "triage"]);
  expect(exported.studioExperiment).toEqual({ keepMe: true });
  expect(exported.tools).toEqual({ allow: ["read", "sessions_spawn"], exec: { timeoutSeconds: 600, backgroundMs: 10000 }, deny: ["browser"] });
  await expect(page.getByTestId("editor-notice")).toContainText("Exported openclaw.json and 1 workspace file");
});
