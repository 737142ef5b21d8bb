import { expect, test, type Locator, type Page } from "@playwright/test";
import { ADMIN, apiSignIn, demoWorkspaceId } from "./support/auth";
import { connectPorts, expectNodesReadableAndPortsHittable, expectSaved } from "./support/canvas";
import { trpcQuery, waitForRunStatus } from "./support/runs";

async function select(page: Page, nodeId: string): Promise<Locator> {
  await page.locator(`.react-flow__node[data-id="${nodeId}"]`).click();
  const inspector = page.getByTestId("inspector");
  await expect(inspector.getByLabel("Label", { exact: true })).toHaveValue(/.+/);
  return inspector;
}

/** Replaces a CodeMirror field's text (one insertion, as a paste would) and leaves it, which is when the form reads it. */
async function typeCode(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.press("ControlOrMeta+a");
  await field.page().keyboard.insertText(text);
  await field.blur();
}

async function rename(inspector: Locator, label: string): Promise<void> {
  await inspector.getByLabel("Label", { exact: true }).fill(label);
  await inspector.getByLabel("Label", { exact: true }).blur();
}

test("builds the offline agent from an empty canvas with the forms alone, and runs it", async ({ page }) => {
  await apiSignIn(page.request, ADMIN);
  const workspaceId = await demoWorkspaceId(page.request);
  await page.goto("/w/demo");
  await page.getByLabel("New graph name").fill("Offline agent from forms");
  await page.getByRole("button", { name: "New graph" }).click();
  await expect(page.getByTestId("problems-panel")).toContainText("No problems");
  for (const type of ["input", "agent", "scripted-model", "code", "output"]) await page.getByTestId(`palette-core/${type}`).click();
  await expect(page.getByTestId("studio-node")).toHaveCount(5);
  const autoLayout = page.getByRole("button", { name: "Auto-layout" });
  await autoLayout.click();
  // The button is busy until the nodes have their new places (ELK loads on the first layout): draw edges after that.
  await expect(autoLayout).toBeEnabled();
  await expectSaved(page);
  await expectNodesReadableAndPortsHittable(page, ["input", "agent", "scripted-model", "code", "output"]);

  await connectPorts(page, { node: "input", port: "out" }, { node: "agent", port: "in" });
  await connectPorts(page, { node: "scripted-model", port: "model" }, { node: "agent", port: "model" });
  await connectPorts(page, { node: "code", port: "asTool" }, { node: "agent", port: "tools" });
  await connectPorts(page, { node: "agent", port: "out" }, { node: "output", port: "in" });
  await expect(page.locator(".react-flow__edge")).toHaveCount(4);

  // The Code node: JavaScript in CodeMirror, with `input` explained beside it.
  let inspector = await select(page, "code");
  await rename(inspector, "Count words");
  await expect(inspector.getByTestId("code-globals")).toContainText("input");
  await expect(inspector.getByTestId("code-globals")).toContainText("the model's arguments");
  const code = inspector.getByRole("textbox", { name: "JavaScript" });
  await expect(inspector.getByTestId("field-error")).toContainText('"Count words" is missing the required setting "code"');
  await typeCode(code, "return { words: String(input.text ?? '').split(/\\s+/).filter(Boolean).length };");
  await expect(inspector.getByTestId("field-error")).toHaveCount(0);
  await expect(inspector.getByText("Default: 10,000")).toBeVisible();
  await inspector.getByLabel("Tool name").fill("count_words");
  await inspector.getByLabel("Tool description").fill("Counts the words of a text");
  await inspector.getByLabel("Tool description").blur();

  // A JSON mistake: marked in the editor, explained under the field, and the problems panel says the same.
  const argumentsSchema = inspector.getByRole("textbox", { name: "Tool arguments (JSON Schema)" });
  await typeCode(argumentsSchema, '{ "type": "object" "required": ["text"] }');
  const mistake = '"Count words" has invalid JSON in the setting "toolInputSchema" at line 1, column 20: Expected , or } after a property value';
  await expect(inspector.getByTestId("field-error")).toHaveText(mistake);
  await expect(page.getByTestId("problems-panel")).toContainText(mistake);
  await expect(page.getByTestId("problems-panel")).not.toContainText('"Count words" is missing');
  await expect(inspector.locator(".cm-lintRange-error")).toHaveCount(1);
  await typeCode(argumentsSchema, '{ "type": "object", "required": ["text"], "properties": { "text": { "type": "string" } } }');
  await expect(inspector.getByTestId("field-error")).toHaveCount(0);
  await expect(page.getByTestId("problems-panel")).not.toContainText("invalid JSON");

  // The scripted model: turns as repeatable groups, a tool-call turn and a message turn.
  inspector = await select(page, "scripted-model");
  await expect(inspector.getByTestId("code-globals")).toHaveCount(0);
  await expect(inspector.getByTestId("field-error")).toHaveText('"Scripted model (offline)" is missing the required setting "turns"');
  await inspector.getByRole("button", { name: "Add a tool-call turn" }).click();
  const first = inspector.getByRole("group", { name: "Turn 1" });
  await first.getByLabel("Message").fill("Let me count.");
  await first.getByLabel("Message").blur();
  await first.getByRole("group", { name: "Tool call 1" }).getByLabel("Tool name").fill("count_words");
  await first.getByRole("group", { name: "Tool call 1" }).getByLabel("Tool name").blur();
  await typeCode(first.getByRole("textbox", { name: "Arguments" }), '{ "text": "{{input}}" }');
  await inspector.getByRole("button", { name: "Add a message turn" }).click();
  const second = inspector.getByRole("group", { name: "Turn 2" });
  await second.getByLabel("Message").fill("Your question has {{toolResults.0.words}} words.");
  await second.getByLabel("Message").blur();
  await expect(inspector.getByTestId("field-error")).toHaveCount(0);

  // The agent: prompts in words, limits as numbers; the Output gets its name.
  inspector = await select(page, "agent");
  await expect(inspector.getByRole("group", { name: "Turns" })).toHaveCount(0);
  await expect(inspector.getByText("Default: You are a helpful assistant.")).toBeVisible();
  await inspector.getByLabel("System prompt").fill("You answer briefly and count with your tool.");
  await inspector.getByLabel("System prompt").blur();
  await inspector.getByLabel("Max model calls").fill("4");
  await inspector.getByLabel("Max model calls").blur();
  inspector = await select(page, "output");
  await inspector.getByLabel("Output name").fill("answer");
  await inspector.getByLabel("Output name").blur();

  await expect(page.getByTestId("problems-panel")).toContainText("No problems");
  await expectSaved(page);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await page.getByRole("dialog", { name: "Run the draft" }).getByLabel("Run input JSON").fill('"How many words are in this question?"');
  await page.getByRole("button", { name: "Start run" }).click();
  await expect(page.getByTestId("run-bar-status")).toHaveText("succeeded", { timeout: 20_000 });
  const runId = new URL(page.url()).searchParams.get("run")!;
  await waitForRunStatus(page.request, workspaceId, runId, ["succeeded"]);
  const run = await trpcQuery<{ output: { answer: { text: string } } }>(page.request, "run.get", { workspaceId, runId });
  expect(run.output.answer.text).toBe("Your question has 7 words.");
});

test("the code editor needs no eval and keeps its styles when the page policy allows no inline styles", async ({ page }) => {
  await apiSignIn(page.request, ADMIN);
  // The studio's page policy (nonce scripts, no eval) with style-src narrowed from 'unsafe-inline' to that nonce.
  await page.route("**/*", async (route) => {
    if (route.request().resourceType() !== "document") return route.fallback();
    const response = await route.fetch();
    const policy = response.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(policy).not.toContain("unsafe-eval");
    const strict = policy.replace(/style-src [^;]*/, `style-src 'self' 'nonce-${nonce}'`);
    await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": strict } });
  });
  await page.addInitScript(() => {
    const violations: string[] = [];
    Object.assign(window, { cspViolations: violations });
    document.addEventListener("securitypolicyviolation", (event) => violations.push(`${event.effectiveDirective} ${event.blockedURI}`));
  });
  const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations.slice());
  await page.goto("/w/demo");
  await page.getByRole("link", { name: /^Demo: answer/ }).click();
  await expect(page.getByTestId("studio-node").first()).toBeVisible();
  const before = await violations();

  await page.locator('.react-flow__node[data-id="countWords"]').click();
  const editor = page.getByTestId("inspector").locator(".cm-editor").first();
  await expect(editor.locator(".cm-content")).toContainText("return { words");
  // CodeMirror's own stylesheet applies: a flex editor with its grey gutter, and the JavaScript is highlighted.
  expect(await editor.evaluate((element) => getComputedStyle(element).display)).toBe("flex");
  expect(await editor.locator(".cm-gutters").evaluate((element) => getComputedStyle(element).backgroundColor)).toBe("rgb(245, 245, 245)");
  await expect(editor.locator(".cm-content span[class]").first()).toBeVisible();
  expect((await violations()).slice(before.length)).toEqual([]);
});
