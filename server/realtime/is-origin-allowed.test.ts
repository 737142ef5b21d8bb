import { describe, expect, it } from "vitest";
import { checkSocketOrigin } from "./is-origin-allowed";

const allowedOrigins = ["http://localhost:3000", "https://studio.example.com"];

describe("checkSocketOrigin", () => {
  it("accepts a page of the host the socket connects to, at any address the studio is reached by", () => {
    expect(checkSocketOrigin({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000", allowedOrigins })).toEqual({ isAllowed: true });
    expect(checkSocketOrigin({ origin: "http://studio-box.lan:3000", host: "studio-box.lan:3000", allowedOrigins })).toEqual({ isAllowed: true });
    expect(checkSocketOrigin({ origin: "http://LOCALHOST:3000", host: "localhost:3000", allowedOrigins })).toEqual({ isAllowed: true });
  });

  it("accepts PUBLIC_URL and the listed origins behind a proxy that changes the Host", () => {
    expect(checkSocketOrigin({ origin: "https://studio.example.com", host: "10.0.0.5:3000", allowedOrigins })).toEqual({ isAllowed: true });
  });

  it("refuses another site, another port of the same host, and a missing or malformed Origin, with the reason", () => {
    const foreign = checkSocketOrigin({ origin: "http://evil.test", host: "localhost:3000", allowedOrigins });
    expect(foreign).toMatchObject({ isAllowed: false });
    expect(foreign.isAllowed === false && foreign.reason).toContain("http://evil.test");
    expect(checkSocketOrigin({ origin: "http://localhost:3001", host: "localhost:3000", allowedOrigins }).isAllowed).toBe(false);
    expect(checkSocketOrigin({ origin: undefined, host: "localhost:3000", allowedOrigins }).isAllowed).toBe(false);
    expect(checkSocketOrigin({ origin: "null", host: "localhost:3000", allowedOrigins }).isAllowed).toBe(false);
    expect(checkSocketOrigin({ origin: "file:///tmp/x.html", host: "localhost:3000", allowedOrigins }).isAllowed).toBe(false);
  });
});
