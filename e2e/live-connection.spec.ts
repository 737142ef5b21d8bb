import { expect, test, type Browser } from "@playwright/test";
import { E2E_PORT } from "../playwright.config";
import { ADMIN, apiSignIn, demoWorkspaceId } from "./support/auth";
import { buildSpec, createGraph, startRun } from "./support/runs";

/** A run that takes a moment, so the page sees it move from running to succeeded. */
const slowSpec = buildSpec(
  [
    { id: "in", type: "core/input", label: "Start" },
    { id: "wait", type: "core/delay", label: "Short wait", config: { ms: 2_500 } },
    { id: "out", type: "core/output", label: "Done" },
  ],
  ["in.out->wait.in", "wait.out->out.in"],
);

async function signedInAt(browser: Browser, host: string) {
  const context = await browser.newContext({ baseURL: `http://${host}:${E2E_PORT}` });
  await apiSignIn(context.request, ADMIN);
  return context;
}

for (const host of ["localhost", "127.0.0.1"]) {
  test(`opened at ${host}, the run page follows a run live`, async ({ browser }) => {
    const context = await signedInAt(browser, host);
    const page = await context.newPage();
    const workspaceId = await demoWorkspaceId(context.request);
    const graphId = await createGraph(context.request, workspaceId, `Live at ${host}`, slowSpec);
    const runId = await startRun(context.request, workspaceId, graphId, { from: host });
    await page.goto(`/w/demo/runs/${runId}`);
    await expect(page.getByText("(live)")).toBeVisible();
    await expect(page.getByTestId("run-page")).toHaveAttribute("data-run-status", "succeeded", { timeout: 15_000 });
    await expect(page.getByTestId("event-row").filter({ hasText: "run.completed" })).toHaveCount(1);
    await expect(page.getByTestId("connection-banner")).toHaveCount(0);
    await context.close();
  });
}

test("with the socket blocked, a banner says why and the run's status is polled to its end", async ({ page }) => {
  await page.routeWebSocket(/\/socket\.io\//, (socket) => socket.close());
  await apiSignIn(page.request, ADMIN);
  const workspaceId = await demoWorkspaceId(page.request);
  const graphId = await createGraph(page.request, workspaceId, "Live with the socket blocked", slowSpec);
  const runId = await startRun(page.request, workspaceId, graphId, { blocked: true });
  await page.goto(`/w/demo/runs/${runId}`);
  const banner = page.getByTestId("connection-banner");
  // A WebSocket the route drops never opens: after its grace the banner says so (or that it was lost).
  await expect(banner).toContainText(/Live updates (lost|are not connected)/);
  await expect(banner).toContainText("refreshed every few seconds");
  await expect(page.getByTestId("run-page")).toHaveAttribute("data-run-status", "succeeded", { timeout: 20_000 });
  await expect(page.getByText("(polling)")).toBeVisible();
  await expect(page.getByTestId("event-row").filter({ hasText: "run.completed" })).toHaveCount(1);
});
