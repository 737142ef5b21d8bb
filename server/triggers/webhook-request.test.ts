import { describe, expect, it } from "vitest";
import { parseWebhookBody, parseWebhookQuery, pickWebhookHeaders, readIdempotencyKey, WebhookRefusal } from "./webhook-request";

function refusalOf(action: () => unknown): { status: number; message: string } {
  try {
    action();
  } catch (error) {
    if (error instanceof WebhookRefusal) return { status: error.status, message: error.message };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("parseWebhookBody", () => {
  it("parses JSON, including vendor +json types, and keeps form and text bodies as strings", () => {
    expect(parseWebhookBody("application/json; charset=utf-8", '{"a":[1]}')).toEqual({ a: [1] });
    expect(parseWebhookBody("application/vnd.github+json", '"x"')).toBe("x");
    expect(parseWebhookBody("application/x-www-form-urlencoded", "a=1&b=2")).toBe("a=1&b=2");
    expect(parseWebhookBody("TEXT/PLAIN", "hi")).toBe("hi");
  });

  it("reads an empty body as null and refuses other types and broken JSON", () => {
    expect(parseWebhookBody(undefined, "")).toBeNull();
    expect(parseWebhookBody("application/json", "")).toBeNull();
    expect(refusalOf(() => parseWebhookBody(undefined, "raw"))).toMatchObject({ status: 415 });
    expect(refusalOf(() => parseWebhookBody("multipart/form-data; boundary=x", "--x"))).toMatchObject({ status: 415 });
    expect(refusalOf(() => parseWebhookBody("application/json", "{"))).toEqual({ status: 400, message: "The body is not valid JSON" });
  });
});

describe("pickWebhookHeaders", () => {
  it("keeps content-type, user-agent and x-* headers, never cookies or credentials", () => {
    const picked = pickWebhookHeaders({ "content-type": "application/json", "user-agent": "curl/8", "x-event": "push", "x-list": ["a", "b"], cookie: "s=1", authorization: "Bearer t", host: "studio" });
    expect(picked).toEqual({ "content-type": "application/json", "user-agent": "curl/8", "x-event": "push", "x-list": "a, b" });
  });
});

describe("parseWebhookQuery", () => {
  it("gives repeated names as arrays and keeps a __proto__ name as a visible own key", () => {
    expect(parseWebhookQuery(new URLSearchParams("a=1&b=2&a=3"))).toEqual({ a: ["1", "3"], b: "2" });
    const hostile = parseWebhookQuery(new URLSearchParams("__proto__=x"));
    expect(Object.keys(hostile)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(hostile)).toBe(Object.prototype);
  });
});

describe("readIdempotencyKey", () => {
  it("accepts up to 200 visible ASCII characters", () => {
    expect(readIdempotencyKey({})).toBeUndefined();
    expect(readIdempotencyKey({ "idempotency-key": "evt_123:retry" })).toBe("evt_123:retry");
    expect(refusalOf(() => readIdempotencyKey({ "idempotency-key": "a".repeat(201) }))).toMatchObject({ status: 400 });
    expect(refusalOf(() => readIdempotencyKey({ "idempotency-key": "é" }))).toMatchObject({ status: 400 });
  });
});
