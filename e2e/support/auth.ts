import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_ADMIN_PASSWORD } from "../../playwright.config";

export const ADMIN = { email: "admin@localhost", password: E2E_ADMIN_PASSWORD };

/** Signs in over HTTP, the way next-auth's client does; the browser context keeps the session cookie. */
export async function apiSignIn(request: APIRequestContext, user: { email: string; password: string }): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: user.email, password: user.password, json: "true" },
  });
  expect(response.status(), "sign-in should succeed").toBe(200);
}

/** The Demo workspace's id, as the signed-in user's workspace.list returns it. */
export async function demoWorkspaceId(request: APIRequestContext): Promise<string> {
  const body = (await (await request.get("/api/trpc/workspace.list")).json()) as { result: { data: { id: string; slug: string }[] } };
  return body.result.data.find((workspace) => workspace.slug === "demo")!.id;
}

export async function openDemoGraph(page: Page): Promise<void> {
  await page.goto("/w/demo");
  await page.getByRole("link", { name: /^Demo: answer/ }).click();
  await expect(page.getByTestId("studio-node").first()).toBeVisible();
}
