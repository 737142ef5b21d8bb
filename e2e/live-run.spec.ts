import { expect, test, type Page, type WebSocketRoute } from "@playwright/test";
import { ADMIN, apiSignIn, demoWorkspaceId, openDemoGraph } from "./support/auth";
import { buildSpec, createGraph, waitForRunStatus } from "./support/runs";

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

/** The followed run's id, from the run bar's link to its page. */
async function runIdOfLink(page: Page): Promise<string> {
  const href = await page.getByTestId("run-bar").getByRole("link", { name: "Open run" }).getAttribute("href");
  return href!.split("/").at(-1)!;
}

function node(page: Page, label: string) {
  return page.getByTestId("studio-node").filter({ hasText: label });
}

test("runs the demo graph from the editor: the canvas shows each node's end, the agent's tokens and its tool calls", async ({ page }) => {
  await apiSignIn(page.request, ADMIN);
  await openDemoGraph(page);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await page.getByRole("dialog", { name: "Run the draft" }).getByLabel("question").fill("How many words are in this question?");
  await page.getByRole("button", { name: "Start run" }).click();

  await expect(page.getByTestId("run-bar-status")).toHaveText("succeeded", { timeout: 30_000 });
  await expect(node(page, "Assistant").getByTestId("node-run")).toHaveAttribute("data-status", "succeeded");
  await expect(node(page, "Assistant").getByTestId("node-run-text")).toHaveText("Let me count and calculate.Your question has 7 words, and 6 × 7 = 42.");
  await expect(node(page, "Multiply").getByTestId("node-calls")).toHaveText("1 call");
  await expect(node(page, "Count words").getByTestId("node-calls")).toHaveText("1 call");
  await expect(page.getByTestId("edge-run-assistant-answer")).toHaveText("1");
});

test("nodes go running then succeeded live; a socket dropped mid-run resumes with every token once, none missing", async ({ page }) => {
  await apiSignIn(page.request, ADMIN);
  const workspaceId = await demoWorkspaceId(page.request);
  const spec = buildSpec(
    [
      { id: "in", type: "core/input", label: "In" },
      // The canvas is following the run before the first agent starts, so its steps arrive live, one by one.
      { id: "warmUp", type: "core/delay", label: "Warm up", config: { ms: 1_500 } },
      { id: "first", type: "core/agent", label: "First agent" },
      { id: "firstModel", type: "core/scripted-model", label: "First model", config: { turns: [{ toolCalls: [{ name: "think" }] }, { content: "alpha beta gamma" }] } },
      // A tool that takes most of a second, so the first agent is visibly running for a while.
      { id: "think", type: "core/code", label: "Think", config: { code: "const end = Date.now() + 800; while (Date.now() < end) {} return 'done';", toolName: "think" } },
      { id: "pause", type: "core/delay", label: "Pause", config: { ms: 4_000 } },
      { id: "second", type: "core/agent", label: "Second agent" },
      { id: "secondModel", type: "core/scripted-model", label: "Second model", config: { turns: [{ content: "delta epsilon zeta" }] } },
      { id: "out", type: "core/output", label: "Out" },
    ],
    ["in.out->warmUp.in", "warmUp.out->first.in", "firstModel.model->first.model", "think.asTool->first.tools", "first.out->pause.in", "pause.out->second.in", "secondModel.model->second.model", "second.out->out.in"],
  );
  const graphId = await createGraph(page.request, workspaceId, "Live reconnect", spec);
  // The page's socket goes through this route, so the test can cut it and refuse reconnects for a while.
  let isCut = false;
  const sockets: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/socket\.io\//, (socket) => {
    if (isCut) return void socket.close();
    socket.connectToServer();
    sockets.push(socket);
  });
  await page.goto(`/w/demo/graphs/${graphId}`);
  await expect(page.getByTestId("studio-node").first()).toBeVisible();
  await recordStatuses(page, "First agent");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await page.getByRole("dialog", { name: "Run the draft" }).getByLabel("Run input JSON").fill('"go"');
  await page.getByRole("button", { name: "Start run" }).click();
  await expect(node(page, "Pause").getByTestId("node-run")).toHaveAttribute("data-status", "waiting", { timeout: 15_000 });
  const seen = await statusesOf(page, "First agent");
  expect(seen.at(-1)).toBe("succeeded");
  expect(seen.indexOf("running")).toBeGreaterThanOrEqual(0);
  expect(seen.indexOf("running")).toBeLessThan(seen.indexOf("succeeded"));

  // The socket drops while the run waits; the rest of the run (the pause, the second agent) happens while the page
  // cannot reconnect; then it may, and resumes from the last event it had.
  const runId = await runIdOfLink(page);
  isCut = true;
  await Promise.all(sockets.splice(0).map((socket) => socket.close()));
  await expect(page.getByTestId("run-bar")).toHaveAttribute("data-stream", "connecting");
  await waitForRunStatus(page.request, workspaceId, runId, ["succeeded"]);
  await expect(node(page, "Second agent").getByTestId("node-run")).toHaveCount(0);
  isCut = false;
  await expect(page.getByTestId("run-bar")).toHaveAttribute("data-stream", "live", { timeout: 30_000 });

  await expect(page.getByTestId("run-bar-status")).toHaveText("succeeded", { timeout: 30_000 });
  await expect(node(page, "First agent").getByTestId("node-run-text")).toHaveText("alpha beta gamma");
  await expect(node(page, "Second agent").getByTestId("node-run-text")).toHaveText("delta epsilon zeta");
  await expect(node(page, "Pause").getByTestId("node-run")).toHaveAttribute("data-status", "succeeded");
});
