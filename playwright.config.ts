import { defineConfig, devices } from "@playwright/test";
import { OIDC_TEST_CLIENT } from "./server/testing/oidc-test-identities";

// The e2e studio: the production build, on its own port, with its own embedded Postgres in a fresh data folder.
// STUDIO_E2E_PORT moves all three, so two suites can run side by side in one checkout.
export const E2E_PORT = Number(process.env.STUDIO_E2E_PORT ?? 3100);
export const E2E_PG_PORT = E2E_PORT + 51_249;
export const E2E_DATA_DIR = E2E_PORT === 3100 ? ".data/e2e" : `.data/e2e-${E2E_PORT}`;
export const E2E_ADMIN_PASSWORD = "e2e-admin-password";
const BASE_URL = `http://localhost:${E2E_PORT}`;
// A real OpenID Connect provider (server/testing/oidc-issuer.ts) that the studio offers as "Sign in with Local IdP".
export const E2E_OIDC_ISSUER = `http://127.0.0.1:${E2E_PORT + 1_000}`;
const E2E_OIDC_PROVIDERS = [
  {
    id: "local-idp",
    name: "Local IdP",
    issuer: E2E_OIDC_ISSUER,
    ...OIDC_TEST_CLIENT,
    scopes: "openid email profile groups",
    roleMapping: [{ claim: "groups", contains: "studio-admins", role: "admin" }],
    defaultRole: "viewer",
    workspace: "demo",
  },
];

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        },
      },
    },
  ],
  webServer: [
    {
      command: `node_modules/.bin/tsx e2e/support/start-oidc-issuer.ts ${E2E_PORT + 1_000} ${BASE_URL}/api/auth/callback/local-idp`,
      url: `${E2E_OIDC_ISSUER}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    {
      command: `rm -rf ${E2E_DATA_DIR} && node_modules/.bin/tsx server/start.ts`,
      url: `${BASE_URL}/api/health`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
      env: {
        PORT: String(E2E_PORT),
        DATABASE_URL: "",
        STUDIO_DATA_DIR: E2E_DATA_DIR,
        EMBEDDED_PG_PORT: String(E2E_PG_PORT),
        STUDIO_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
        LOG_LEVEL: "warn",
        STUDIO_OIDC_PROVIDERS: JSON.stringify(E2E_OIDC_PROVIDERS),
      },
    },
  ],
});
