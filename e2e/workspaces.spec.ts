import { expect, request as playwrightRequest, test } from "@playwright/test";
import { ADMIN, apiSignIn } from "./support/auth";
import { createMember } from "./support/studio-db";

test("create a workspace from the switcher, switch, rename it, change a member's role, then delete it", async ({ page, baseURL }) => {
  await apiSignIn(page.request, ADMIN);
  await page.goto("/w/demo");
  const switcher = page.getByRole("button", { name: /^Workspace/ });
  await expect(switcher).toContainText("Demo");

  // Create: the slug follows the name until edited, and a reserved one is explained before anything is sent.
  await switcher.click();
  await page.getByRole("button", { name: "+ New workspace" }).click();
  const dialog = page.getByRole("dialog", { name: "New workspace" });
  await dialog.getByLabel("Workspace name").fill("Settings");
  await expect(dialog.getByText("This slug is reserved")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Create workspace" })).toBeDisabled();
  await dialog.getByLabel("Workspace name").fill("Support Team");
  await expect(dialog.getByLabel("Workspace URL slug")).toHaveValue("support-team");
  await dialog.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/w\/support-team$/);
  await expect(page.getByRole("heading", { name: "Support Team" })).toBeVisible();
  await expect(page.getByTitle("Your role in this workspace")).toHaveText("owner");

  // Switch: the menu lists both workspaces with the role in each.
  await switcher.click();
  const menu = page.getByRole("list", { name: "Your workspaces" });
  // (Other specs may have made workspaces of their own for this admin: the two of this test are counted by name.)
  await expect(menu.getByRole("link", { name: /Demo/ })).toHaveCount(1);
  await expect(menu.getByRole("link", { name: /Support Team/ })).toHaveCount(1);
  await menu.getByRole("link", { name: /Demo/ }).click();
  await expect(page).toHaveURL(/\/w\/demo$/);
  await expect(switcher).toContainText("Demo");
  await switcher.click();
  await menu.getByRole("link", { name: /Support Team/ }).click();
  await expect(page).toHaveURL(/\/w\/support-team$/);

  // Rename, on the settings page.
  await page.getByRole("link", { name: "Settings" }).click();
  const workspaceSection = page.getByRole("region", { name: "Workspace" });
  await workspaceSection.getByLabel("Name").fill("Support Crew");
  await workspaceSection.getByRole("button", { name: "Save" }).click();
  await expect(switcher).toContainText("Support Crew");

  // Change a member's role: it holds from their very next request.
  const member = await createMember("support-team", "editor");
  const memberRequest = await playwrightRequest.newContext({ baseURL });
  await apiSignIn(memberRequest, member);
  const workspaceId = await page.evaluate(async () => {
    const response = await fetch("/api/trpc/workspace.list");
    const body = (await response.json()) as { result: { data: { id: string; slug: string }[] } };
    return body.result.data.find((workspace) => workspace.slug === "support-team")!.id;
  });
  const createGraph = () => memberRequest.post("/api/trpc/graph.create", { data: { workspaceId, name: "By the member" } });
  expect((await createGraph()).status()).toBe(200);

  await page.reload();
  const members = page.getByRole("region", { name: "Members" });
  const row = members.getByTestId("member-row").filter({ hasText: member.email });
  await expect(row).toContainText("password");
  await row.getByLabel(`Role of ${member.email}`).selectOption("viewer");
  await expect(row.getByLabel(`Role of ${member.email}`)).toHaveValue("viewer");
  await page.reload();
  await expect(page.getByRole("region", { name: "Members" }).getByLabel(`Role of ${member.email}`)).toHaveValue("viewer");
  expect((await createGraph()).status()).toBe(403);
  await memberRequest.dispose();

  // Delete: the button waits for the exact name.
  await page.getByRole("button", { name: "Delete workspace" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete Support Crew?" });
  await confirm.getByLabel("Type Support Crew to confirm").fill("Support");
  await expect(confirm.getByRole("button", { name: "Delete workspace" })).toBeDisabled();
  await confirm.getByLabel("Type Support Crew to confirm").fill("Support Crew");
  await confirm.getByRole("button", { name: "Delete workspace" }).click();
  await expect(page).toHaveURL(/\/w\/demo$/);
  await switcher.click();
  const remaining = page.getByRole("list", { name: "Your workspaces" });
  await expect(remaining.getByRole("link", { name: /Demo/ })).toHaveCount(1);
  await expect(remaining.getByRole("link", { name: /Support/ })).toHaveCount(0);
  await page.goto("/w/support-team");
  await expect(page.getByText("Workspace not found.")).toBeVisible();
});
