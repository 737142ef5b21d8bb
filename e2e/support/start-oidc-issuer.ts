// Playwright's first webServer: the local OpenID Connect provider the studio is configured with (playwright.config.ts).
// Usage: tsx e2e/support/start-oidc-issuer.ts <port> <studio callback URL>
import { startOidcIssuer } from "../../server/testing/oidc-issuer";

const [port, redirectUri] = process.argv.slice(2);
const issuer = await startOidcIssuer({ port: Number(port), redirectUris: [redirectUri!] });
process.stdout.write(`OIDC test issuer at ${issuer.issuer}\n`);
process.on("SIGTERM", () => void issuer.close().then(() => process.exit(0)));
