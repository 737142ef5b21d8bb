import { expect, test } from "@playwright/test";
import { ADMIN, apiSignIn, demoWorkspaceId } from "./support/auth";
import { createMember } from "./support/studio-db";

test("the owner restricts a graph to admins: an editor's list loses it live, its link answers not found; naming the editor brings it back", async ({ browser }) => {
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await apiSignIn(owner.request, ADMIN);
  const workspaceId = await demoWorkspaceId(owner.request);
  const name = `Payroll ${Date.now()}`;
  const created = await owner.request.post("/api/trpc/graph.create", { data: { workspaceId, name } });
  expect(created.status()).toBe(200);
  const graphId = ((await created.json()) as { result: { data: { id: string } } }).result.data.id;

  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  const editorAccount = await createMember("demo", "editor");
  await apiSignIn(editor.request, editorAccount);
  await editor.goto("/w/demo");
  const editorGraphs = editor.getByRole("list", { name: "Graphs" });
  await expect(editorGraphs.getByRole("link", { name })).toBeVisible();
  // An editor does not decide who sees a graph.
  await expect(editorGraphs.getByRole("button", { name: "Access" })).toHaveCount(0);

  await owner.goto("/w/demo");
  const row = owner.getByTestId("graph-row").filter({ hasText: name });
  await row.getByRole("button", { name: "Access" }).click();
  const dialog = owner.getByRole("dialog", { name: `Who sees “${name}”` });
  await dialog.getByLabel("Only owners and the roles and members chosen below").check();
  await dialog.getByLabel("every admin").check();
  await dialog.getByRole("button", { name: "Save access" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row.getByText("restricted")).toBeVisible();

  // The editor's open list drops it without a reload; its address is the same page as a graph that never existed.
  await expect(editorGraphs.getByRole("link", { name })).toHaveCount(0);
  await editor.goto(`/w/demo/graphs/${graphId}`);
  await expect(editor.getByText("Graph not found")).toBeVisible();

  // Naming the editor: their list shows it again, live.
  await editor.goto("/w/demo");
  await expect(editorGraphs.getByRole("link", { name: /^Demo: answer/ })).toBeVisible();
  await row.getByRole("button", { name: "Access" }).click();
  await dialog.getByLabel(editorAccount.email).check();
  await dialog.getByRole("button", { name: "Save access" }).click();
  await expect(editorGraphs.getByRole("link", { name })).toBeVisible();

  await ownerContext.close();
  await editorContext.close();
});
