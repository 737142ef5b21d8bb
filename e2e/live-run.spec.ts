import { expect, test, type Page } from "@playwright/test";
import { ADMIN, apiSignIn, demoWorkspaceId, openDemoGraph } from "./support/auth";
import { buildSpec, createGraph } from "./support/runs";

/** Every status a node's run badge shows, in order, recorded in the page as the badge changes. */
async function recordStatuses(page: Page, label: string): Promise<void> {
  await page.evaluate((nodeLabel) => {
    const seen: string[] = [];
    (window as unknown as { __statuses: Record<string, string[]> }).__statuses ??= {};
    (window as unknown as { __statuses: Record<string, string[]> }).__statuses[nodeLabel] = seen;
    new MutationObserver(() => {
      const node = [...document.querySelectorAll("[data-testid=studio-node]")].find((candidate) => candidate.textContent?.includes(nodeLabel));
      const status = node?.querySelector("[data-testid=node-run]")?.getAttribute("data-status");
      if (status && seen.at(-1) !== status) seen.push(status);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-status"] });
  }, label);
}

function statusesOf(page: Page, label: string): Promise<string[]> {
  return page.evaluate((nodeLabel) => (window as unknown as { __statuses: Record<string, string[]> }).__statuses[nodeLabel] ?? [], label);
}

function node(page: Page, label: string) {
  return page.getByTestId("studio-node").filter({ hasText: label });
}

test("runs the demo graph from the editor: nodes go running then succeeded live, tokens and tool calls show", async ({ page }) => {
  await apiSignIn(page.request, ADMIN);
  await openDemoGraph(page);
  await recordStatuses(page, "Assistant");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await page.getByRole("dialog", { name: "Run the draft" }).getByLabel("question").fill("How many words are in this question?");
  await page.getByRole("button", { name: "Start run" }).click();

  await expect(page.getByTestId("run-bar-status")).toHaveText("succeeded", { timeout: 30_000 });
  await expect(node(page, "Assistant").getByTestId("node-run")).toHaveAttribute("data-status", "succeeded");
  await expect(node(page, "Assistant").getByTestId("node-run-text")).toHaveText("Let me count and calculate.Your question has 7 words, and 6 × 7 = 42.");
  await expect(node(page, "Multiply").getByTestId("node-calls")).toHaveText("1 call");
  await expect(node(page, "Count words").getByTestId("node-calls")).toHaveText("1 call");
  await expect(page.getByTestId("edge-run-assistant-answer")).toHaveText("1");
  const seen = await statusesOf(page, "Assistant");
  expect(seen.at(-1)).toBe("succeeded");
  expect(seen.indexOf("running")).toBeGreaterThanOrEqual(0);
  expect(seen.indexOf("running")).toBeLessThan(seen.indexOf("succeeded"));
});

test("a socket dropped mid-run resumes: the canvas ends with every token once, none missing", async ({ page }) => {
  await apiSignIn(page.request, ADMIN);
  const workspaceId = await demoWorkspaceId(page.request);
  const spec = buildSpec(
    [
      { id: "in", type: "core/input", label: "In" },
      { id: "first", type: "core/agent", label: "First agent" },
      { id: "firstModel", type: "core/scripted-model", label: "First model", config: { turns: [{ content: "alpha beta gamma" }] } },
      { id: "pause", type: "core/delay", label: "Pause", config: { ms: 4_000 } },
      { id: "second", type: "core/agent", label: "Second agent" },
      { id: "secondModel", type: "core/scripted-model", label: "Second model", config: { turns: [{ content: "delta epsilon zeta" }] } },
      { id: "out", type: "core/output", label: "Out" },
    ],
    ["in.out->first.in", "firstModel.model->first.model", "first.out->pause.in", "pause.out->second.in", "secondModel.model->second.model", "second.out->out.in"],
  );
  const graphId = await createGraph(page.request, workspaceId, "Live reconnect", spec);
  await page.goto(`/w/demo/graphs/${graphId}`);
  await expect(page.getByTestId("studio-node").first()).toBeVisible();
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await page.getByRole("dialog", { name: "Run the draft" }).getByLabel("Run input JSON").fill('"go"');
  await page.getByRole("button", { name: "Start run" }).click();
  await expect(node(page, "Pause").getByTestId("node-run")).toHaveAttribute("data-status", "waiting", { timeout: 15_000 });

  // Offline while the run waits and then finishes its second half: the socket drops and reconnects afterwards.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await page.waitForTimeout(6_000);
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

  await expect(page.getByTestId("run-bar-status")).toHaveText("succeeded", { timeout: 30_000 });
  await expect(node(page, "First agent").getByTestId("node-run-text")).toHaveText("alpha beta gamma");
  await expect(node(page, "Second agent").getByTestId("node-run-text")).toHaveText("delta epsilon zeta");
  await expect(node(page, "Pause").getByTestId("node-run")).toHaveAttribute("data-status", "succeeded");
});
