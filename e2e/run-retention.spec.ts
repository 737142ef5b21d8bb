import { expect, test } from "@playwright/test";
import { ADMIN, apiSignIn } from "./support/auth";
import { createMember } from "./support/studio-db";

test("an admin sets how long runs are kept, with the reason when failed runs would go first", async ({ page }) => {
  await apiSignIn(page.request, ADMIN);
  await page.goto("/w/demo/settings");
  const section = page.getByRole("region", { name: "Run retention" });
  await expect(section.getByText("Now: every run is kept.")).toBeVisible();

  await section.getByLabel("Keep runs (days)").fill("30");
  await section.getByLabel("Keep failed runs (days)").fill("7");
  await expect(section.getByRole("status")).toHaveText("Keep failed runs at least as long as other runs (30 days)");
  await expect(section.getByRole("button", { name: "Save" })).toBeDisabled();

  await section.getByLabel("Keep failed runs (days)").fill("90");
  await section.getByRole("button", { name: "Save" }).click();
  await expect(section.getByText("Now: runs are kept 30 days, failed runs 90 days.")).toBeVisible();

  await page.reload();
  await expect(page.getByRole("region", { name: "Run retention" }).getByLabel("Keep runs (days)")).toHaveValue("30");
  await expect(page.getByRole("region", { name: "Run retention" }).getByLabel("Keep failed runs (days)")).toHaveValue("90");

  // Back to keeping everything, so other specs see the demo workspace as it was.
  await page.getByRole("region", { name: "Run retention" }).getByLabel("Keep failed runs (days)").fill("");
  await page.getByRole("region", { name: "Run retention" }).getByLabel("Keep runs (days)").fill("");
  await page.getByRole("region", { name: "Run retention" }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("region", { name: "Run retention" }).getByText("Now: every run is kept.")).toBeVisible();
});

test("an editor does not see the run retention settings", async ({ page }) => {
  const editor = await createMember("demo", "editor");
  await apiSignIn(page.request, editor);
  await page.goto("/w/demo/settings");
  await expect(page.getByRole("heading", { name: "Plugins" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Run retention" })).toHaveCount(0);
});
