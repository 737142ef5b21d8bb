import { describe, expect, it } from "vitest";
import { generateApiKey, hashApiKey, isApiKeyShaped } from "./api-key-token";

describe("API key tokens", () => {
  it("look like ocs_<prefix>_<secret>, with the prefix in the key and only the key's sha256 kept", () => {
    const { key, prefix, hash } = generateApiKey();
    expect(key).toMatch(/^ocs_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(`ocs_${prefix}_`)).toBe(true);
    expect(hash).toBe(hashApiKey(key));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(key.slice(13));
  });

  it("are different every time", () => {
    const keys = new Set(Array.from({ length: 50 }, () => generateApiKey().key));
    expect(keys.size).toBe(50);
  });

  it("tells a key from something else sent as a bearer token", () => {
    expect(isApiKeyShaped(generateApiKey().key)).toBe(true);
    expect(isApiKeyShaped("ocs_1234abcd_short")).toBe(false);
    expect(isApiKeyShaped(`sk_1234abcd_${"a".repeat(43)}`)).toBe(false);
    expect(isApiKeyShaped(` ${generateApiKey().key}`)).toBe(false);
  });
});
