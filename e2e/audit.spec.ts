import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { ADMIN, apiSignIn, demoWorkspaceId } from "./support/auth";

test("an owner finds a change in the audit log by action, sees what it changed, verifies the chain and exports it as JSON lines", async ({ page }) => {
  await apiSignIn(page.request, ADMIN);
  const workspaceId = await demoWorkspaceId(page.request);
  const name = `Audited ${Date.now()}`;
  expect((await page.request.post("/api/trpc/graph.create", { data: { workspaceId, name } })).status()).toBe(200);

  await page.goto("/w/demo/settings");
  const audit = page.getByRole("region", { name: "Audit log" });
  await audit.getByLabel("Action (e.g. graph.)").fill("graph.create");
  await audit.getByRole("button", { name: "Filter" }).click();
  const row = audit.getByTestId("audit-row").filter({ hasText: name });
  await expect(row).toContainText("admin@localhost");
  await expect(row).toContainText("graph.create");
  await expect(row.getByTestId("audit-change")).toContainText(`created: id: `);
  await expect(row.getByTestId("audit-change")).toContainText(`name: ${name}`);
  await expect(audit.getByTestId("audit-row").filter({ hasNotText: "graph.create" })).toHaveCount(0);

  await audit.getByRole("button", { name: "Verify chain" }).click();
  await expect(audit.getByTestId("audit-verdict")).toContainText(/Chain intact: \d+ records verified\./);

  const download = page.waitForEvent("download");
  await audit.getByRole("button", { name: "Export JSON lines" }).click();
  const lines = (await readFile(await (await download).path(), "utf8")).trim().split("\n").map((line) => JSON.parse(line) as { action: string; summary: { input: { name?: string } } });
  expect(lines.every((line) => line.action === "graph.create")).toBe(true);
  expect(lines.some((line) => line.summary.input.name === name)).toBe(true);
});
