import { describe, expect, it } from "vitest";
import { readEnv } from "../../env";

const PROVIDER = { id: "corp", name: "Corp SSO", issuer: "https://id.example.com/", clientId: "studio", clientSecret: "s3cret", workspace: "demo" };

function readProviders(value: unknown) {
  return readEnv({ STUDIO_OIDC_PROVIDERS: typeof value === "string" ? value : JSON.stringify(value) }).STUDIO_OIDC_PROVIDERS;
}

describe("STUDIO_OIDC_PROVIDERS", () => {
  it("is an empty list when unset", () => {
    expect(readEnv({}).STUDIO_OIDC_PROVIDERS).toEqual([]);
  });

  it("fills the defaults and drops the issuer's trailing slash", () => {
    expect(readProviders([PROVIDER])).toEqual([
      { ...PROVIDER, issuer: "https://id.example.com", scopes: "openid email profile", roleMapping: [], defaultRole: "viewer" },
    ]);
  });

  it("keeps a role mapping and lowercases allowed domains", () => {
    const roleMapping = [{ claim: "groups", contains: "studio-admins", role: "admin" }];
    const [provider] = readProviders([{ ...PROVIDER, roleMapping, defaultRole: "editor", allowedEmailDomains: ["Example.COM"] }]);
    expect(provider).toMatchObject({ roleMapping, defaultRole: "editor", allowedEmailDomains: ["example.com"] });
  });

  it.each([
    [{ ...PROVIDER, clientId: "" }, "STUDIO_OIDC_PROVIDERS[0].clientId"],
    [{ ...PROVIDER, issuer: "http://id.example.com" }, "STUDIO_OIDC_PROVIDERS[0].issuer: must use https"],
    [{ ...PROVIDER, id: "Corp SSO" }, "STUDIO_OIDC_PROVIDERS[0].id: must be 1-40 lowercase"],
    [{ ...PROVIDER, scopes: "email profile" }, "STUDIO_OIDC_PROVIDERS[0].scopes: must include openid"],
    [{ ...PROVIDER, roleMapping: [{ claim: "groups", contains: "x", role: "owner" }] }, "STUDIO_OIDC_PROVIDERS[0].roleMapping[0].role"],
    [{ ...PROVIDER, allowedEmailDomains: ["not a domain"] }, "STUDIO_OIDC_PROVIDERS[0].allowedEmailDomains[0]: must be a domain"],
    [{ ...PROVIDER, clientSecrte: "typo" }, "STUDIO_OIDC_PROVIDERS[0]: Unrecognized key"],
  ])("names the bad field: %j", (provider, message) => {
    expect(() => readProviders([provider])).toThrow(message);
  });

  it("refuses two providers with one id, and text that is not JSON", () => {
    expect(() => readProviders([PROVIDER, PROVIDER])).toThrow('STUDIO_OIDC_PROVIDERS[1].id: "corp" is used twice');
    expect(() => readProviders("[{id:")).toThrow("STUDIO_OIDC_PROVIDERS: is not valid JSON");
  });

  it("allows plain http to this machine only", () => {
    expect(readProviders([{ ...PROVIDER, issuer: "http://127.0.0.1:4500" }])[0]?.issuer).toBe("http://127.0.0.1:4500");
  });
});
