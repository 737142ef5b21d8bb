import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createRedactor } from "./redact";

const canary = `sk-CANARY-${randomUUID()}`;
const secrets = [{ name: "OPENAI_API_KEY", value: canary }];
const MARK = "[secret:OPENAI_API_KEY]";

function spellingsOf(value: string): Record<string, string> {
  const bytes = Buffer.from(value);
  return {
    raw: value,
    base64: bytes.toString("base64"),
    base64Unpadded: bytes.toString("base64").replace(/=+$/, ""),
    base64url: bytes.toString("base64url"),
    base64urlPadded: bytes.toString("base64").replaceAll("+", "-").replaceAll("/", "_"),
    hex: bytes.toString("hex"),
    hexUpper: bytes.toString("hex").toUpperCase(),
    urlEncoded: encodeURIComponent(value),
    jsonEscaped: JSON.stringify(value).slice(1, -1),
  };
}

describe("createRedactor", () => {
  it.each(Object.entries(spellingsOf(canary)))("replaces the %s spelling", (_kind, spelling) => {
    const redacted = createRedactor(secrets).redactText(`before ${spelling} after`);
    expect(redacted).toBe(`before ${MARK} after`);
  });

  it("replaces URL- and JSON-escaped spellings of a value with special characters", () => {
    const value = `p@ss "w/rd"\n+${randomUUID()}`;
    const { redactText } = createRedactor([{ name: "DB_PASSWORD", value }]);
    for (const spelling of Object.values(spellingsOf(value))) {
      expect(redactText(`x=${spelling};`)).toBe("x=[secret:DB_PASSWORD];");
    }
  });

  it("finds the value base64-encoded after a prefix, as in a Basic auth header", () => {
    const { redactText } = createRedactor(secrets);
    for (const user of ["a", "ab", "abc"]) {
      const header = `Basic ${Buffer.from(`${user}:${canary}`).toString("base64")}`;
      // At most the groups shared with the neighbouring bytes remain around the mark.
      expect(redactText(header)).toMatch(/^Basic [A-Za-z0-9+/]{0,8}\[secret:OPENAI_API_KEY\][A-Za-z0-9+/=]{0,4}$/);
    }
  });

  it("replaces every occurrence and several secrets in one pass", () => {
    const other = `ghp_${randomUUID()}`;
    const { redactText } = createRedactor([...secrets, { name: "GITHUB_TOKEN", value: other }]);
    expect(redactText(`${canary} ${other} ${canary}`)).toBe(`${MARK} [secret:GITHUB_TOKEN] ${MARK}`);
  });

  it("handles a value of the full 64 KiB, such as a private key, and one secret inside another", () => {
    const pem = `-----BEGIN PRIVATE KEY-----\n${randomBytes(48_000).toString("base64")}\n-----END PRIVATE KEY-----`;
    const inner = pem.slice(100, 140);
    const { redactText, redactValue } = createRedactor([{ name: "INNER", value: inner }, { name: "SERVICE_KEY", value: pem }]);
    expect(redactText(`key: ${pem}`)).toBe("key: [secret:SERVICE_KEY]");
    expect(redactValue({ body: JSON.stringify({ pem }) })).toEqual({ body: '{"pem":"[secret:SERVICE_KEY]"}' });
    expect(redactText(`part: ${inner}`)).toBe("part: [secret:INNER]");
  });

  it("redacts deep through arrays, objects and keys without touching the input", () => {
    const input = {
      headers: { authorization: `Bearer ${canary}`, [canary]: "as a key" },
      items: [1, null, true, [`url?key=${encodeURIComponent(canary)}`]],
      body: JSON.stringify({ token: canary }),
      at: new Date(0),
    };
    const snapshot = structuredClone(input);
    const redacted = createRedactor(secrets).redactValue(input);
    expect(JSON.stringify(redacted)).not.toContain(canary);
    expect(redacted).toEqual({
      headers: { authorization: `Bearer ${MARK}`, [MARK]: "as a key" },
      items: [1, null, true, [`url?key=${MARK}`]],
      body: JSON.stringify({ token: MARK }),
      at: new Date(0),
    });
    expect(input).toEqual(snapshot);
  });

  it("keeps a __proto__ key as data and handles cycles", () => {
    const input = JSON.parse(`{"__proto__": {"token": "${canary}"}}`) as Record<string, unknown>;
    input.self = input;
    const redacted = createRedactor(secrets).redactValue(input);
    expect(Object.getPrototypeOf(redacted)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(redacted, "__proto__")?.value).toEqual({ token: MARK });
    expect(redacted.self).toBe(redacted);
  });

  it("redacts error messages, stacks, fields and causes, keeping the error's class", () => {
    class NodeError extends Error {
      constructor(
        message: string,
        readonly details: unknown,
        options?: ErrorOptions,
      ) {
        super(message, options);
      }
    }
    const cause = new Error(`upstream said ${Buffer.from(canary).toString("base64")}`);
    const error = new NodeError(`request with ${canary} failed`, { sent: canary }, { cause });
    const redacted = createRedactor(secrets).redactError(error);

    expect(redacted).toBeInstanceOf(NodeError);
    expect(redacted.message).toBe(`request with ${MARK} failed`);
    expect(redacted.stack).toContain(`request with ${MARK} failed`);
    expect(redacted.stack).not.toContain(canary);
    expect(redacted.details).toEqual({ sent: MARK });
    expect((redacted.cause as Error).message).toBe(`upstream said ${MARK}`);
    expect(error.message).toContain(canary);
    expect(createRedactor(secrets).redactError(`thrown string ${canary}`)).toBe(`thrown string ${MARK}`);
  });

  it("is the identity when there is nothing it can redact", () => {
    const value = { a: ["b"] };
    for (const redactor of [createRedactor([]), createRedactor([{ name: "PIN", value: "12345" }])]) {
      expect(redactor.redactValue(value)).toBe(value);
      expect(redactor.redactText("pin 12345")).toBe("pin 12345");
    }
  });
});
