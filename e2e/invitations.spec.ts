import { expect, test } from "@playwright/test";
import { ADMIN, apiSignIn, demoWorkspaceId } from "./support/auth";

const STRONG_PASSWORD = "velvet-otter-crosses-9-fjords";

test("the owner invites an editor; in another browser the editor sets a password, lands in the workspace as editor and cannot manage members; made a viewer, their next request is refused; removed, their socket closes", async ({ browser }) => {
  const ownerContext = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const owner = await ownerContext.newPage();
  await apiSignIn(owner.request, ADMIN);
  // Read now, on the fresh connection: reusing this client's connection after a long idle can race the server
  // closing it (ECONNRESET).
  const demoId = await demoWorkspaceId(owner.request);
  await owner.goto("/w/demo/settings");
  const invitations = owner.getByRole("region", { name: "Invitations" });
  const email = `editor-${Date.now()}@example.test`;
  await invitations.getByLabel("Email to invite").fill(email);
  await invitations.getByLabel("Invitation role").selectOption("editor");
  await invitations.getByRole("button", { name: "Invite" }).click();

  // No SMTP_URL in the e2e studio: the page says nothing was mailed and shows the link, once, to copy.
  const issued = owner.getByTestId("issued-link");
  await expect(issued).toContainText("Mail is not set up on this studio (SMTP_URL)");
  await issued.getByRole("button", { name: "Copy link" }).click();
  await expect(issued.getByRole("button", { name: "Copied" })).toBeVisible();
  const link = await owner.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(issued.getByLabel("Invitation link")).toHaveValue(link);
  await expect(invitations.getByTestId("invitation-row").filter({ hasText: email })).toContainText("editor");

  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await editor.goto(link);
  await expect(editor.getByRole("heading", { name: "Join Demo" })).toBeVisible();
  await editor.getByLabel("Your name").fill("Eddie Editor");
  await editor.getByLabel("Password", { exact: true }).fill("password1234");
  await editor.getByLabel("Repeat password").fill("password1234");
  await editor.getByRole("button", { name: "Create account and join" }).click();
  await expect(editor.getByRole("alert").filter({ hasText: "Too easy to guess." })).toBeVisible();

  await editor.getByLabel("Password", { exact: true }).fill(STRONG_PASSWORD);
  await editor.getByLabel("Repeat password").fill(STRONG_PASSWORD);
  await editor.getByRole("button", { name: "Create account and join" }).click();
  await expect(editor).toHaveURL(/\/w\/demo$/);
  await expect(editor.getByRole("link", { name: /^Demo: answer/ })).toBeVisible();

  // As an editor: settings show the role and the members, but none of the member management (role changes, removal,
  // invitations, reset links, API keys).
  await editor.goto("/w/demo/settings");
  await expect(editor.getByRole("heading", { name: "Settings" })).toBeVisible();
  const members = editor.getByRole("region", { name: "Members" });
  await expect(members).toContainText(email);
  await expect(members.getByRole("combobox")).toHaveCount(0);
  await expect(members.getByRole("button", { name: "Remove" })).toHaveCount(0);
  await expect(editor.getByRole("region", { name: "Plugins" })).toBeVisible();
  await expect(editor.getByRole("region", { name: "Invitations" })).toHaveCount(0);
  await expect(editor.getByRole("region", { name: "Password reset links" })).toHaveCount(0);
  await expect(editor.getByRole("region", { name: "API keys" })).toHaveCount(0);

  // The link was single use, and the owner's pending list is empty again.
  await editor.goto(link);
  await expect(editor.getByRole("heading", { name: "This invitation was already used" })).toBeVisible();
  await owner.reload();
  await expect(owner.getByRole("region", { name: "Invitations" })).toContainText("No pending invitations.");

  // The new account's own page lists this browser as its session.
  await editor.goto("/account");
  await expect(editor.getByTestId("session-row").filter({ hasText: "This browser" })).toHaveCount(1);

  // The owner makes the editor a viewer: the editor's open page follows at once, and their next request is refused
  // without signing in again.
  let closedSockets = 0;
  editor.on("websocket", (socket) => socket.on("close", () => closedSockets++));
  await editor.goto("/w/demo");
  await expect(editor.getByLabel("New graph name")).toBeVisible();
  await owner.goto("/w/demo/settings");
  const ownerMembers = owner.getByRole("region", { name: "Members" });
  await ownerMembers.getByLabel(`Role of ${email}`).selectOption("viewer");
  await expect(editor.getByTitle("Your role in this workspace")).toHaveText("viewer");
  await expect(editor.getByLabel("New graph name")).toHaveCount(0);
  const refused = await editor.request.post("/api/trpc/graph.create", { data: { workspaceId: demoId, name: "As a viewer" } });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toContain("Your role (viewer) does not allow graph:create");

  // Removed: the editor's live socket is closed and their open page loses the workspace.
  const closedBeforeRemoval = closedSockets;
  await ownerMembers.getByTestId("member-row").filter({ hasText: email }).getByRole("button", { name: "Remove" }).click();
  await owner.getByRole("dialog", { name: "Remove Eddie Editor?" }).getByRole("button", { name: "Remove" }).click();
  await expect.poll(() => closedSockets).toBeGreaterThan(closedBeforeRemoval);
  await expect(editor.getByText("Workspace not found.")).toBeVisible();
  await ownerContext.close();
  await editorContext.close();
});

test("a revoked invitation link gets a clear page, not an error", async ({ page }) => {
  await apiSignIn(page.request, ADMIN);
  await page.goto("/w/demo/settings");
  const invitations = page.getByRole("region", { name: "Invitations" });
  const email = `revoked-${Date.now()}@example.test`;
  await invitations.getByLabel("Email to invite").fill(email);
  await invitations.getByRole("button", { name: "Invite" }).click();
  const link = await page.getByLabel("Invitation link").inputValue();
  await page.getByRole("button", { name: "Done" }).click();
  await invitations.getByTestId("invitation-row").filter({ hasText: email }).getByRole("button", { name: "Revoke" }).click();
  await expect(invitations.getByTestId("invitation-row").filter({ hasText: email })).toHaveCount(0);

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This invitation was revoked" })).toBeVisible();
  await page.goto("/invite/not-a-real-token");
  await expect(page.getByRole("heading", { name: "This invitation link is not valid" })).toBeVisible();
});
