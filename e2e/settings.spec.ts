import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { packPluginFolder } from "../server/plugins/signing/plugin-archive";
import { createSignedFixture } from "../server/plugins/testing/plugin-fixtures";
import { ADMIN, apiSignIn } from "./support/auth";
import { createMember } from "./support/studio-db";

test("an admin trusts a publisher key, installs a signed plugin, adds a secret and an outbound host", async ({ page }) => {
  await apiSignIn(page.request, ADMIN);
  await page.goto("/w/demo");
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Plugins" })).toBeVisible();
  await expect(page.getByTestId("plugin-row").filter({ hasText: "Core" })).toContainText("built-in");

  const { dir, keys } = createSignedFixture("shout-plugin");
  const archive = path.join(mkdtempSync(path.join(tmpdir(), "e2e-plugin-")), "shout.tgz");
  await packPluginFolder(dir, archive);

  await page.getByLabel("Plugin archive (.tgz)").setInputFiles(archive);
  await page.getByRole("button", { name: "Install plugin" }).click();
  await expect(page.getByText(/signed by key [0-9a-f]{16}, which this workspace does not trust/)).toBeVisible();

  await page.getByLabel("Publisher", { exact: true }).fill("acme");
  await page.getByLabel("Public key", { exact: true }).fill(keys.publicKey);
  await page.getByRole("button", { name: "Trust key" }).click();
  await page.getByLabel("Plugin archive (.tgz)").setInputFiles(archive);
  await page.getByRole("button", { name: "Install plugin" }).click();
  await expect(page.getByTestId("plugin-row").filter({ hasText: "Shout" })).toContainText("signed ·");

  const canary = `sk-CANARY-${randomUUID()}`;
  await page.getByLabel("Secret name").fill("OPENAI_KEY");
  await page.getByLabel("Secret value").fill(canary);
  await page.getByRole("button", { name: "Add secret" }).click();
  await expect(page.getByTestId("secret-row").filter({ hasText: "OPENAI_KEY" })).toContainText(`••••${canary.slice(-4)}`);
  expect(await page.content()).not.toContain(canary);

  // Its own value in staging: listed by mask beside the default, never shown back, and cleared in one click.
  const stagingValue = `sk-STAGING-${randomUUID()}`;
  await page.getByLabel("Secret for an environment").selectOption("OPENAI_KEY");
  await page.getByLabel("Environment of the value").selectOption("staging");
  await page.getByLabel("Value in that environment").fill(stagingValue);
  await page.getByRole("button", { name: "Set environment value" }).click();
  const override = page.getByTestId("secret-row").filter({ hasText: "OPENAI_KEY" }).getByTestId("secret-override");
  await expect(override).toContainText(`staging ••••${stagingValue.slice(-4)}`);
  expect(await page.content()).not.toContain(stagingValue);
  await override.getByRole("button", { name: "Clear" }).click();
  await expect(page.getByTestId("secret-row").filter({ hasText: "OPENAI_KEY" })).toContainText("default everywhere");

  await page.getByLabel("Host", { exact: true }).fill("169.254.169.254");
  await page.getByRole("button", { name: "Allow host" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "169.254.169.254" })).toBeVisible();
  await page.getByLabel("Host", { exact: true }).fill("api.example.com");
  await page.getByRole("button", { name: "Allow host" }).click();
  await expect(page.getByTestId("egress-row").filter({ hasText: "api.example.com" })).toBeVisible();
});

test("a viewer sees the installed plugins but none of the admin controls", async ({ page }) => {
  const viewer = await createMember("demo", "viewer");
  await apiSignIn(page.request, viewer);
  await page.goto("/w/demo/settings");
  await expect(page.getByRole("heading", { name: "Plugins" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Install plugin" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Secrets" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Outbound hosts" })).toHaveCount(0);
});
