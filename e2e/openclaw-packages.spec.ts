import path from "node:path";
import { expect, test } from "@playwright/test";
import { ADMIN, apiSignIn } from "./support/auth";

const FIXTURES = path.join(import.meta.dirname, "../server/plugins/testing/fixtures/openclaw");

test("a real @openclaw/discord package imports with its channel's settings form, and its skill keeps metadata and body", async ({ page }) => {
  // Two imports on the settings page, then a new graph in the editor: about 50 s on a loaded 2-core machine.
  test.setTimeout(120_000);
  await apiSignIn(page.request, ADMIN);
  await page.goto("/w/demo/settings");
  const section = page.getByRole("region", { name: "Import from OpenClaw" });
  await section.getByLabel("OpenClaw files").setInputFiles([path.join(FIXTURES, "discord/openclaw.plugin.json"), path.join(FIXTURES, "discord/package.json")]);
  await section.getByRole("button", { name: "Import", exact: true }).click();
  await expect(section.getByText("Imported Discord.")).toBeVisible();

  const imported = section.getByRole("table", { name: "Imported from OpenClaw" });
  await imported.getByRole("row").filter({ hasText: "Discord (discord)" }).getByRole("button", { name: "Details" }).click();
  const details = section.getByTestId("openclaw-extension-details");
  await expect(details.getByRole("table", { name: "Channels" }).getByRole("row").nth(1)).toContainText(/Discord \(discord\).*54\s*97\s*openclaw-channel\/discord/);
  await details.getByText("package.json openclaw").click();
  await expect(details).toContainText('"selectionLabel": "Discord (Bot API)"');

  await section.getByLabel("OpenClaw files").setInputFiles(path.join(FIXTURES, "discord/skills/discord/SKILL.md"));
  await section.getByRole("button", { name: "Import", exact: true }).click();
  await expect(section.getByText("Imported discord.")).toBeVisible();
  await imported.getByRole("row").filter({ hasText: "skill" }).filter({ hasText: "discord (discord)" }).getByRole("button", { name: "Details" }).click();
  await expect(details).toContainText("Allowed tools: message");
  await expect(details).toContainText('"emoji": "🎮"');
  await expect(details.getByLabel("SKILL.md body")).toContainText("## Interactive components");

  await page.goto("/w/demo");
  await page.getByLabel("New graph name").fill(`Discord channel form ${Date.now()}`);
  await page.getByRole("button", { name: "New graph" }).click();
  await page.getByTestId("palette-openclaw-channel/discord").click();
  await page.locator('.react-flow__node[data-id="discord"]').click();
  const inspector = page.getByTestId("inspector");
  await expect(inspector.getByRole("combobox", { name: "Discord Bot Token" })).toBeVisible();
  const dmPolicy = inspector.getByRole("combobox", { name: "Discord DM Policy" });
  await dmPolicy.selectOption({ label: "allowlist" });
  await expect(dmPolicy).toHaveValue("1");
  await expect(inspector.getByText('Direct message access control ("pairing" recommended)').first()).toBeVisible();

  const advanced = inspector.getByTestId("advanced-settings");
  await expect(advanced).toHaveCount(1);
  await expect(advanced.getByText("Discord Realtime Provider Settings")).toBeHidden();
  await advanced.getByText("Advanced settings (1)").click();
  await expect(advanced.getByText("Discord Realtime Provider Settings")).toBeVisible();
});
