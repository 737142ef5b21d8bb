import { describe, expect, it } from "vitest";
import { readEnv } from "./env";

describe("readEnv", () => {
  it("applies defaults for an empty environment", () => {
    const env = readEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.publicUrl).toBe("http://localhost:3000");
    expect(env.allowedOrigins).toEqual(["http://localhost:3000"]);
  });

  it("names the variable that is wrong", () => {
    expect(() => readEnv({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => readEnv({ DATABASE_URL: "mysql://localhost/db" })).toThrow(/DATABASE_URL/);
    expect(() => readEnv({ NEXTAUTH_SECRET: "short" })).toThrow(/NEXTAUTH_SECRET: must be at least 32 characters/);
  });

  it("adds configured origins to the public URL's origin", () => {
    const env = readEnv({ PUBLIC_URL: "https://studio.example.com/", STUDIO_ALLOWED_ORIGINS: "https://a.example.com, https://b.example.com/x" });
    expect(env.allowedOrigins).toEqual(["https://studio.example.com", "https://a.example.com", "https://b.example.com"]);
  });

  it("reads the sign-up policy (invite unless open) and the mail settings", () => {
    expect(readEnv({}).STUDIO_SIGNUP).toBe("invite");
    expect(readEnv({ STUDIO_SIGNUP: "open" }).STUDIO_SIGNUP).toBe("open");
    expect(() => readEnv({ STUDIO_SIGNUP: "anyone" })).toThrow(/STUDIO_SIGNUP/);
    expect(() => readEnv({ SMTP_URL: "http://mail.example.com" })).toThrow(/SMTP_URL/);
    const env = readEnv({ PUBLIC_URL: "https://studio.example.com", SMTP_URL: "smtp://mail.example.com:2525" });
    expect(env.SMTP_URL).toBe("smtp://mail.example.com:2525");
    expect(env.mailFrom).toBe("OpenClaw Studio <studio@studio.example.com>");
  });
});
