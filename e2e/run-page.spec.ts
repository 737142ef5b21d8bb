import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { E2E_DATA_DIR } from "../playwright.config";
import { ADMIN, apiSignIn, demoWorkspaceId } from "./support/auth";
import { buildSpec, createGraph, findGraphId, startRun, waitForRunStatus } from "./support/runs";
import { createMember } from "./support/studio-db";

/** The seeded demo graph (foundation.spec renames it to "Demo: answer any question"). */
const DEMO = /^Demo: answer/;

const approvalSpec = buildSpec(
  [
    { id: "in", type: "core/input", label: "Order" },
    { id: "gate", type: "core/approval", label: "Manager OK", config: { prompt: "Ship this order?" } },
    { id: "yes", type: "core/output", label: "Shipped", config: { name: "shipped" } },
    { id: "no", type: "core/output", label: "Stopped", config: { name: "stopped" } },
  ],
  ["in.out->gate.in", "gate.approved->yes.in", "gate.rejected->no.in"],
);

const delaySpec = buildSpec(
  [
    { id: "in", type: "core/input", label: "Start" },
    { id: "wait", type: "core/delay", label: "Wait an hour", config: { ms: 3_600_000 } },
    { id: "out", type: "core/output", label: "Done" },
  ],
  ["in.out->wait.in", "wait.out->out.in"],
);

function step(page: Page, label: string) {
  return page.getByTestId("waterfall-step").filter({ has: page.getByRole("button", { name: label, exact: false }) });
}

test("a demo run: steps succeed on the waterfall with the agent's calls nested, its tokens and text; a replay makes no model call", async ({ page }) => {
  await apiSignIn(page.request, ADMIN);
  const workspaceId = await demoWorkspaceId(page.request);
  const graphId = await findGraphId(page.request, workspaceId, DEMO);
  const runId = await startRun(page.request, workspaceId, graphId, { question: "How many words are in this question?" });

  await page.goto(`/w/demo/runs/${runId}`);
  await expect(page.getByTestId("run-page")).toHaveAttribute("data-run-status", "succeeded");
  await expect(page.getByTestId("waterfall-step")).toHaveCount(4);
  for (const label of ["Question", "Build prompt", "Assistant", "Answer"]) await expect(step(page, label)).toHaveAttribute("data-status", "succeeded");
  await expect(page.getByTestId("waterfall-call")).toHaveCount(4);
  await expect(page.getByTestId("run-tokens")).not.toHaveText("—");
  await expect(page.getByTestId("run-trace-id")).toHaveText(/^[0-9a-f]{32}$/);
  await expect(page.getByLabel("Run output")).toContainText("Your question has 7 words, and 6 × 7 = 42.");

  await page.getByRole("button", { name: "Zoom in" }).click();
  await page.getByRole("button", { name: "Fit" }).click();
  await expect(page.getByRole("button", { name: "Fit" })).toBeDisabled();

  await step(page, "Assistant").getByRole("button").first().click();
  const inspector = page.getByTestId("step-inspector");
  await expect(inspector.getByTestId("step-text")).toContainText("Your question has 7 words, and 6 × 7 = 42.");
  await expect(inspector.getByTestId("step-call")).toHaveCount(4);
  await expect(inspector.getByTestId("step-call").filter({ has: page.getByText("Multiply", { exact: true }) }).getByLabel(/output/)).toContainText("42");

  await page.getByLabel("Filter events by text").fill("multiply");
  await page.getByLabel("Filter events by node").selectOption({ label: "Multiply" });
  await expect(page.getByTestId("event-row").filter({ hasText: "node.call_finished" })).toHaveCount(1);

  await page.getByRole("button", { name: "Replay" }).click();
  await expect(page).not.toHaveURL(new RegExp(runId));
  await expect(page.getByTestId("run-page")).toHaveAttribute("data-run-status", "succeeded");
  await expect(page.getByTestId("run-lineage")).toContainText("Replay of");
  await expect(page.getByTestId("replay-note")).toContainText("0 model calls and 0 tool calls made; 2 model and 2 tool results served from the record");
  await expect(page.getByLabel("Run output")).toContainText("Your question has 7 words");
});

test("a big step output is listed truncated and loaded in full on demand, beside the step's logs", async ({ page }) => {
  await apiSignIn(page.request, ADMIN);
  const workspaceId = await demoWorkspaceId(page.request);
  const spec = buildSpec(
    [
      { id: "in", type: "core/input", label: "Size" },
      { id: "make", type: "core/code", label: "Make text", config: { code: 'console.log("building " + input.n + " characters"); return "x".repeat(input.n) + "END";' } },
      { id: "out", type: "core/output", label: "Text" },
    ],
    ["in.out->make.in", "make.out->out.in"],
  );
  const graphId = await createGraph(page.request, workspaceId, "Big value e2e", spec);
  const runId = await startRun(page.request, workspaceId, graphId, { n: 30_000 });
  await waitForRunStatus(page.request, workspaceId, runId, ["succeeded"]);

  await page.goto(`/w/demo/runs/${runId}`);
  await step(page, "Make text").getByRole("button").first().click();
  const output = page.getByTestId("step-inspector").getByLabel("Step output");
  await expect(output).toHaveAttribute("data-truncated", "true");
  await expect(output).not.toContainText("END");
  await expect(page.getByTestId("step-inspector")).toContainText("Showing the first 10.0 KB of 29.3 KB");
  await expect(page.getByTestId("step-logs")).toContainText("building 30000 characters");
  await page.getByTestId("step-inspector").getByRole("button", { name: "Load full value" }).click();
  await expect(output).toContainText("xxxEND");
  await expect(output).not.toHaveAttribute("data-truncated");
});

test("approves a waiting step from the browser with a comment", async ({ page }) => {
  await apiSignIn(page.request, ADMIN);
  const workspaceId = await demoWorkspaceId(page.request);
  const graphId = await createGraph(page.request, workspaceId, "Approval e2e", approvalSpec);
  const runId = await startRun(page.request, workspaceId, graphId, { order: 7 });
  await waitForRunStatus(page.request, workspaceId, runId, ["waiting"]);

  await page.goto(`/w/demo/runs/${runId}`);
  await expect(page.getByTestId("run-page")).toHaveAttribute("data-run-status", "waiting");
  await expect(step(page, "Manager OK")).toHaveAttribute("data-status", "waiting");
  const approval = page.getByTestId("approval");
  await expect(approval).toContainText("Ship this order?");
  await approval.getByLabel("Comment for Manager OK").fill("looks fine");
  await approval.getByRole("button", { name: "Approve" }).click();

  await expect(page.getByTestId("run-page")).toHaveAttribute("data-run-status", "succeeded");
  await expect(step(page, "Manager OK")).toHaveAttribute("data-status", "succeeded");
  await expect(step(page, "Shipped")).toHaveAttribute("data-status", "succeeded");
  await expect(page.getByLabel("Run output")).toContainText('"comment": "looks fine"');
  await expect(page.getByTestId("approval")).toHaveCount(0);
});

test("cancels a long run", async ({ page }) => {
  await apiSignIn(page.request, ADMIN);
  const workspaceId = await demoWorkspaceId(page.request);
  const graphId = await createGraph(page.request, workspaceId, "Delay e2e", delaySpec);
  const runId = await startRun(page.request, workspaceId, graphId, {});
  await waitForRunStatus(page.request, workspaceId, runId, ["waiting"]);

  await page.goto(`/w/demo/runs/${runId}`);
  await expect(page.getByTestId("run-page")).toHaveAttribute("data-run-status", "waiting");
  await expect(page.getByText("Wait an hour waits until")).toBeVisible();
  await page.getByRole("button", { name: "Cancel run" }).click();
  await page.getByRole("button", { name: "Cancel the run" }).click();

  await expect(page.getByTestId("run-page")).toHaveAttribute("data-run-status", "cancelled");
  await expect(page.getByRole("button", { name: /Cancel run|Cancelling/ })).toHaveCount(0);
  await expect(page.getByTestId("event-row").filter({ hasText: "run.cancelled" })).toHaveCount(1);
});

test("re-runs from a step with an edited input, and the run diff shows the changed outputs", async ({ page }) => {
  await apiSignIn(page.request, ADMIN);
  const workspaceId = await demoWorkspaceId(page.request);
  const graphId = await findGraphId(page.request, workspaceId, DEMO);
  const runId = await startRun(page.request, workspaceId, graphId, { question: "How many words are in this question?" });
  await waitForRunStatus(page.request, workspaceId, runId, ["succeeded"]);

  await page.goto(`/w/demo/runs/${runId}`);
  await step(page, "Build prompt").getByRole("button").first().click();
  await page.getByRole("button", { name: "Re-run from here" }).click();
  const editor = page.getByLabel("Step input (JSON)");
  await expect(editor).toHaveValue(/How many words are in this question\?/);
  await editor.fill('{"in": {"question": "Why is the sky blue?"}}');
  await page.getByRole("button", { name: "Re-run", exact: true }).click();

  await expect(page).not.toHaveURL(new RegExp(runId));
  await expect(page.getByTestId("run-page")).toHaveAttribute("data-run-status", "succeeded");
  await expect(page.getByTestId("run-lineage")).toContainText("Fork of");
  await expect(page.getByTestId("run-lineage")).toContainText("at Build prompt");
  await expect(page.getByLabel("Run output")).toContainText("Your question has 5 words");

  await page.getByRole("link", { name: "Compare with source" }).click();
  await expect(page.getByTestId("run-compare")).toBeVisible();
  await expect(page.locator('[data-testid="compare-node"][data-node="question"]')).toHaveAttribute("data-changed", "false");
  await expect(page.locator('[data-testid="compare-node"][data-node="prompt"]')).toHaveAttribute("data-changed", "true");
  await expect(page.locator('[data-testid="compare-node"][data-node="assistant"]')).toHaveAttribute("data-changed", "true");
  // The same difference on the canvas: the changed nodes are marked, the unchanged ones are not.
  await expect(page.getByTestId("compare-canvas-node").filter({ hasText: "Assistant" })).toHaveAttribute("data-mark", "changed");
  await expect(page.getByTestId("compare-canvas-node").filter({ hasText: "Question" })).toHaveAttribute("data-mark", "same");
  const diffs = page.getByTestId("output-diff");
  await expect(diffs.first()).toContainText('"How many words are in this question?"');
  await expect(diffs.first()).toContainText('"Why is the sky blue?"');
  await expect(diffs.nth(1)).toContainText("Your question has 5 words");
  await expect(page.getByTestId("run-output-diff")).toContainText("Your question has 5 words");
});

test("a viewer sees runs but no action buttons", async ({ page, request }) => {
  await apiSignIn(request, ADMIN);
  const workspaceId = await demoWorkspaceId(request);
  const demoId = await findGraphId(request, workspaceId, DEMO);
  const finished = await startRun(request, workspaceId, demoId, { question: "Who can see this?" });
  const approvalGraph = await createGraph(request, workspaceId, "Approval for viewers", approvalSpec);
  const waiting = await startRun(request, workspaceId, approvalGraph, { order: 1 });
  await waitForRunStatus(request, workspaceId, finished, ["succeeded"]);
  await waitForRunStatus(request, workspaceId, waiting, ["waiting"]);

  await apiSignIn(page.request, await createMember("demo", "viewer"));
  await page.goto(`/w/demo/runs/${finished}`);
  await expect(page.getByTestId("run-page")).toHaveAttribute("data-run-status", "succeeded");
  await expect(page.getByTestId("waterfall-step")).toHaveCount(4);
  await step(page, "Build prompt").getByRole("button").first().click();
  await expect(page.getByTestId("step-inspector")).toContainText("Who can see this?");
  await expect(page.getByRole("button", { name: "Re-run from here" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Replay" })).toHaveCount(0);

  await page.goto(`/w/demo/runs/${waiting}`);
  await expect(page.getByTestId("run-page")).toHaveAttribute("data-run-status", "waiting");
  await expect(page.getByTestId("approval")).toContainText("Waiting for someone who may approve runs");
  await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Reject" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Cancel run" })).toHaveCount(0);
});

test("a step output over 256 KB is kept in a file on the server and still loads in full", async ({ page }) => {
  await apiSignIn(page.request, ADMIN);
  const workspaceId = await demoWorkspaceId(page.request);
  const spec = buildSpec(
    [
      { id: "in", type: "core/input", label: "Size" },
      { id: "make", type: "core/code", label: "Make text", config: { code: 'return "x".repeat(input.n) + "END";' } },
      { id: "out", type: "core/output", label: "Text" },
    ],
    ["in.out->make.in", "make.out->out.in"],
  );
  const graphId = await createGraph(page.request, workspaceId, "File value e2e", spec);
  const runId = await startRun(page.request, workspaceId, graphId, { n: 300_000 });
  await waitForRunStatus(page.request, workspaceId, runId, ["succeeded"]);
  // Step 2's output, and step 3's input and output (the same text passed on).
  const files = readdirSync(path.join(E2E_DATA_DIR, "step-values", workspaceId, runId)).map((name) => name.split("-")[0]);
  expect(files.sort()).toEqual(["2", "3", "3"]);

  await page.goto(`/w/demo/runs/${runId}`);
  await step(page, "Make text").getByRole("button").first().click();
  const output = page.getByTestId("step-inspector").getByLabel("Step output");
  await expect(output).toHaveAttribute("data-truncated", "true");
  await expect(page.getByTestId("step-inspector")).toContainText("Showing the first 10.0 KB of 293.0 KB");
  await page.getByTestId("step-inspector").getByRole("button", { name: "Load full value" }).click();
  await expect(output).toContainText("xxxEND");
  await expect(output).not.toHaveAttribute("data-truncated");
});
