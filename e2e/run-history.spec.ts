import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { apiSignIn } from "./support/auth";
import { seedRunHistory, type TSeedRun } from "./support/run-history-db";
import { createMember } from "./support/studio-db";

/** 22 successful runs with usage, 6 failures (2 timeouts), 2 cancelled: 30 runs, one page of 25 and a second of 5. */
function historyRuns(): TSeedRun[] {
  const runs: TSeedRun[] = [];
  for (let index = 0; index < 22; index++) {
    runs.push({ graph: "Support bot", version: 1 + (index % 2), status: "succeeded", usage: { tokens: 100, costUsd: 0.01 }, minutesAgo: 10 + index * 7 });
  }
  runs.push({ graph: "Support bot", version: 2, status: "failed", trigger: "webhook", errorMessage: "Model call timed out after 30 s", minutesAgo: 3 });
  runs.push({ graph: "Billing", status: "failed", trigger: "schedule", errorMessage: "Upstream TIMED OUT (504)", minutesAgo: 5 });
  for (let index = 0; index < 4; index++) runs.push({ graph: "Billing", status: "failed", trigger: "schedule", errorMessage: "Quota exceeded for invoices", minutesAgo: 40 + index });
  runs.push({ graph: "Billing", status: "cancelled", trigger: "manual", minutesAgo: 90 });
  runs.push({ graph: "Support bot", status: "cancelled", trigger: "replay", minutesAgo: 95 });
  return runs;
}

async function expectTotals(page: Page, totals: { runs: string; failed: string; tokens?: string; cost?: string }) {
  await expect(page.getByTestId("total-runs")).toHaveText(totals.runs);
  await expect(page.getByTestId("total-failed")).toHaveText(totals.failed);
  if (totals.tokens) await expect(page.getByTestId("total-tokens")).toHaveText(totals.tokens);
  if (totals.cost) await expect(page.getByTestId("total-cost")).toHaveText(totals.cost);
}

test("a viewer filters the run history by status and error text, sees totals follow, and pages through it", async ({ page }) => {
  const slug = `history-${randomUUID().slice(0, 8)}`;
  const { graphIds } = await seedRunHistory({ slug, graphs: [{ name: "Support bot", versions: 2 }, { name: "Billing", versions: 0 }], runs: historyRuns() });
  await apiSignIn(page.request, await createMember(slug, "viewer"));

  await page.goto(`/w/${slug}`);
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Runs" }).click();
  await expect(page).toHaveURL(`/w/${slug}/runs`);
  await expectTotals(page, { runs: "30", failed: "6", tokens: "2.2K", cost: "$0.22" });
  await expect(page.getByTestId("chart-bar").first()).toBeAttached();

  const rows = page.getByTestId("run-row");
  await expect(rows).toHaveCount(25);
  await expect(rows.first()).toContainText("Support bot");
  await expect(rows.first()).toContainText("v2");
  await expect(rows.first()).toContainText("webhook");
  await expect(rows.first()).toContainText("Model call timed out after 30 s");
  const runId = await rows.first().getAttribute("data-run-id");
  await expect(rows.first().getByRole("link")).toHaveAttribute("href", `/w/${slug}/runs/${runId}`);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(rows).toHaveCount(30);
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);

  await page.getByRole("group", { name: "Status" }).getByRole("button", { name: "failed" }).click();
  await expect(page).toHaveURL(/status=failed/);
  await expectTotals(page, { runs: "6", failed: "6", tokens: "—", cost: "—" });
  await expect(rows).toHaveCount(6);

  await page.getByLabel("Error contains").fill("timed out");
  await expectTotals(page, { runs: "2", failed: "2" });
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText("Upstream TIMED OUT (504)");

  await page.reload();
  await expect(page.getByLabel("Error contains")).toHaveValue("timed out");
  await expectTotals(page, { runs: "2", failed: "2" });

  await page.getByRole("button", { name: "Clear filters" }).click();
  await expectTotals(page, { runs: "30", failed: "6" });
  await expect(page.getByLabel("Error contains")).toHaveValue("");

  await page.goto(`/w/${slug}`);
  await page.getByTestId("graph-row").filter({ hasText: "Billing" }).getByRole("link", { name: "Runs" }).click();
  await expect(page).toHaveURL(`/w/${slug}/runs?graph=${graphIds.Billing}`);
  await expect(page.getByLabel("Graph")).toHaveValue(graphIds.Billing!);
  await expectTotals(page, { runs: "6", failed: "5", tokens: "—" });
  await expect(rows).toHaveCount(6);
});
