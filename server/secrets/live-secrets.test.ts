import { describe, expect, it } from "vitest";
import { redactLiveSecrets, rememberConfiguredSecrets, rememberSecret } from "./live-secrets";
import { listSecretSpellings } from "./secret-spellings";

describe("live secrets", () => {
  it("redact every spelling of a remembered value, leave other text alone", () => {
    const value = "tok-live-0f9e8d7c6b5a";
    const line = () => JSON.stringify({ msg: `sending ${value}`, basic: Buffer.from(`user:${value}`).toString("base64"), url: `?k=${encodeURIComponent(value)}` });
    expect(redactLiveSecrets(line())).toBe(line());
    rememberSecret("PAYMENTS_KEY", value);
    const redacted = redactLiveSecrets(line());
    expect(redacted).toContain("sending [secret:PAYMENTS_KEY]");
    for (const spelling of listSecretSpellings(value)) expect(redacted).not.toContain(spelling);
    expect(redactLiveSecrets('{"msg":"nothing to see"}')).toBe('{"msg":"nothing to see"}');
    // Still valid JSON: a line of the logger stays parseable.
    expect(() => JSON.parse(redacted)).not.toThrow();
  });

  it("ignore values too short to redact safely", () => {
    rememberSecret("SHORT", "abc");
    expect(redactLiveSecrets("abc abc")).toBe("abc abc");
  });

  it("name a value by the last name it was resolved under", () => {
    rememberSecret("OLD_NAME", "shared-value-123456");
    rememberSecret("NEW_NAME", "shared-value-123456");
    expect(redactLiveSecrets("x shared-value-123456 y")).toBe("x [secret:NEW_NAME] y");
  });

  it("keep the newest 500 values", () => {
    const values = Array.from({ length: 501 }, (_, index) => `evicted-or-kept-${String(index).padStart(4, "0")}`);
    values.forEach((value, index) => rememberSecret(`S${index}`, value));
    expect(redactLiveSecrets(values[0]!)).toBe(values[0]);
    expect(redactLiveSecrets(values[1]!)).toBe("[secret:S1]");
    expect(redactLiveSecrets(values[500]!)).toBe("[secret:S500]");
  });

  it("take the process's configured credentials, passwords inside URLs included", () => {
    rememberConfiguredSecrets({
      NEXTAUTH_SECRET: "n".repeat(40),
      STUDIO_METRICS_TOKEN: "metrics-token-abcdef",
      DATABASE_URL: "postgresql://studio:p%40ss-w0rd-db@db:5432/studio",
      SMTP_URL: "smtp://mailer@mail:587",
      STUDIO_OIDC_PROVIDERS: [{ id: "corp", clientSecret: "oidc-client-secret-1" }],
    });
    expect(redactLiveSecrets(`a ${"n".repeat(40)} b metrics-token-abcdef p@ss-w0rd-db oidc-client-secret-1 mailer`)).toBe(
      "a [secret:NEXTAUTH_SECRET] b [secret:STUDIO_METRICS_TOKEN] [secret:DATABASE_URL_PASSWORD] [secret:OIDC_corp_CLIENT_SECRET] mailer",
    );
  });
});
