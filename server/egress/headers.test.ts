import { describe, expect, it } from "vitest";
import { sanitiseRequestHeaders, toResponseHeaders } from "./headers";

describe("headers", () => {
  it("drops hop-by-hop headers, the ones Connection names, and those egress sets itself", () => {
    const headers = sanitiseRequestHeaders({
      Accept: "application/json",
      Connection: "keep-alive, X-Internal",
      "X-Internal": "1",
      "Transfer-Encoding": "chunked",
      Upgrade: "websocket",
      "Proxy-Authorization": "Basic x",
      Host: "evil.example.com",
      "Content-Length": "999",
      Authorization: "Bearer t",
    });
    expect(headers).toEqual({ accept: "application/json", authorization: "Bearer t" });
  });

  it("flattens response headers and strips hop-by-hop ones", () => {
    expect(toResponseHeaders({ "set-cookie": ["a=1", "b=2"], connection: "close", "content-type": "text/plain", "transfer-encoding": "chunked" })).toEqual({
      "set-cookie": "a=1, b=2",
      "content-type": "text/plain",
    });
  });
});
