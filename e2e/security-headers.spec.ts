import { expect, test, type Page } from "@playwright/test";
import { ADMIN, apiSignIn, demoWorkspaceId } from "./support/auth";
import { findGraphId, startRun, trpcMutation, waitForRunStatus } from "./support/runs";

/** The seeded demo graph (foundation.spec renames it to "Demo: answer any question"). */
const DEMO = /^Demo: answer/;
// A console line about a policy: a CSP refusal, or a header the browser could not parse.
const POLICY_MESSAGE = /content.security.policy|refused to (load|execute|apply|connect|frame)|permissions.policy|strict-transport-security/i;

/**
 * Everything the browser says about policies on `page`: every `securitypolicyviolation` event (reported from the page
 * through a binding that survives navigations) and every console error or warning. An error unrelated to policies
 * still fails the test: a page that breaks under the policy often says so only as an uncaught error.
 */
async function watchPolicies(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.exposeFunction("reportPolicyViolation", (violation: string) => problems.push(`violation: ${violation}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportPolicyViolation: (text: string) => void }).reportPolicyViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber} on ${location.pathname}`);
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error" || (message.type() === "warning" && POLICY_MESSAGE.test(message.text()))) {
      problems.push(`console ${message.type()} on ${new URL(page.url()).pathname}: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`uncaught on ${new URL(page.url()).pathname}: ${error.message}`));
  return problems;
}

function expectCommonHeaders(response: { headers(): Record<string, string> } | null, what: string) {
  const headers = response?.headers() ?? {};
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["referrer-policy"], what).toBe("same-origin");
  expect(headers["permissions-policy"], what).toContain("camera=()");
  expect(headers["content-security-policy"], what).toContain("frame-ancestors 'none'");
  // The e2e studio is served over http: HSTS only comes with an https PUBLIC_URL.
  expect(headers["strict-transport-security"], what).toBeUndefined();
}

test("every page renders under a nonce-only script policy with no violation, signed in and out", async ({ page, browser }) => {
  const problems = await watchPolicies(page);
  await apiSignIn(page.request, ADMIN);
  const workspaceId = await demoWorkspaceId(page.request);
  const graphId = await findGraphId(page.request, workspaceId, DEMO);
  const runs = [];
  for (const question of ["How many words are in this question?", "And in this one?"]) {
    const runId = await startRun(page.request, workspaceId, graphId, { question });
    await waitForRunStatus(page.request, workspaceId, runId, ["succeeded"]);
    runs.push(runId);
  }

  const graphList = await page.goto("/w/demo");
  expectCommonHeaders(graphList, "a page");
  const policy = graphList!.headers()["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(policy).toContain("'strict-dynamic'");
  expect(policy).not.toContain("unsafe-eval");
  expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  // Next put the request's nonce on its scripts; no script of the page is without it.
  const scriptNonces = await page.locator("script").evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
  const again = await page.request.get("/w/demo");
  expect(again.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
  await expect(page.getByRole("link", { name: DEMO })).toBeVisible();

  await page.goto(`/w/demo/graphs/${graphId}`);
  await expect(page.getByTestId("studio-node").first()).toBeVisible();
  await page.getByTestId("studio-node").first().click();
  await page.goto(`/w/demo/runs/${runs[0]}`);
  await expect(page.getByTestId("run-page")).toHaveAttribute("data-run-status", "succeeded");
  await page.goto("/w/demo/runs");
  await expect(page.getByRole("link", { name: new RegExp(runs[1]!.slice(0, 8)) }).or(page.getByRole("table")).first()).toBeVisible();
  await page.goto(`/w/demo/runs/compare?a=${runs[0]}&b=${runs[1]}`);
  await expect(page.getByRole("heading").first()).toBeVisible();
  await page.goto("/w/demo/settings");
  await expect(page.getByRole("heading", { name: "Plugins" })).toBeVisible();
  await page.goto("/account");
  await expect(page.getByRole("heading").first()).toBeVisible();

  const { link } = await trpcMutation<{ link: string }>(page.request, "invitation.create", { workspaceId, email: "csp-invitee@example.test", role: "viewer" });
  const signedOut = await browser.newPage();
  const signedOutProblems = await watchPolicies(signedOut);
  for (const path of ["/signin", "/signup", new URL(link).pathname, "/reset/not-a-real-token"]) {
    expectCommonHeaders(await signedOut.goto(path), path);
    await expect(signedOut.getByRole("heading").first()).toBeVisible();
  }
  await signedOut.getByRole("heading").first().click();
  await signedOut.close();

  expect([...problems, ...signedOutProblems]).toEqual([]);
});

test("the studio's own answers (API, auth, health, socket.io) carry the strict policy", async ({ request }) => {
  for (const path of ["/api/health", "/api/ready", "/api/trpc/workspace.list", "/api/auth/csrf", "/socket.io/?EIO=4&transport=polling", "/api/hooks/unknown"]) {
    const response = await request.get(path);
    expectCommonHeaders(response, path);
    expect(response.headers()["content-security-policy"], path).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  }
});
