import { expect, test, type Page } from "@playwright/test";
import { E2E_OIDC_ISSUER } from "../playwright.config";
import { accountLinksOf } from "./support/studio-db";

// The studio is configured with the local provider (playwright.config.ts): groups containing studio-admins -> admin
// in the demo workspace. Its login page accepts any password for a known login.
async function signInAtProvider(page: Page, login: string) {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with Local IdP" }).click();
  await expect(page).toHaveURL(new RegExp(`^${E2E_OIDC_ISSUER}/interaction/`));
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

async function workspacesOf(page: Page) {
  const response = await page.request.get("/api/trpc/workspace.list");
  return { status: response.status(), body: (await response.json()) as { result?: { data: { slug: string; role: string }[] } } };
}

test("a verified provider user lands in the studio with the role their group maps to", async ({ page }) => {
  await signInAtProvider(page, "ada");
  await expect(page).toHaveURL(/\/w\/demo$/);
  await expect(page.getByRole("link", { name: /^Demo: answer/ })).toBeVisible();

  const { body } = await workspacesOf(page);
  expect(body.result?.data).toEqual([expect.objectContaining({ slug: "demo", role: "admin" })]);
  expect(await accountLinksOf("ada@oidc.test")).toEqual([{ provider: "local-idp", providerAccountId: "ada" }]);

  // The members page says how she signs in.
  await page.goto("/w/demo/settings");
  const adaRow = page.getByTestId("member-row").filter({ hasText: "ada@oidc.test" });
  await expect(adaRow).toContainText("SSO (local-idp)");

  // The session is a server-side row like a password sign-in's: signing out ends it.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  expect((await workspacesOf(page)).status).toBe(401);
});

test("an unverified address equal to the seeded admin's is refused and links nothing", async ({ page }) => {
  await signInAtProvider(page, "mallory");
  await expect(page).toHaveURL(/\/signin\?error=OidcEmailUnverified/);
  // Filtered: Next's route announcer is an (empty) alert too.
  await expect(page.getByRole("alert").filter({ hasText: "not verified by your identity provider" })).toBeVisible();
  expect((await workspacesOf(page)).status).toBe(401);
  expect(await accountLinksOf("admin@localhost")).toEqual([]);
});

test("a callback that this browser's sign-in did not start is refused (state, PKCE and nonce live in its cookies)", async ({ page }) => {
  await page.goto("/api/auth/callback/local-idp?code=forged-code&state=forged-state");
  await expect(page).toHaveURL(/\/signin\?.*error=OAuthCallback/);
  await expect(page.getByRole("alert").filter({ hasText: "could not be verified" })).toBeVisible();
  expect((await workspacesOf(page)).status).toBe(401);
});
