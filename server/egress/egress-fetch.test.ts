import { describe, expect, it, vi } from "vitest";
import { egressFetch, type TEgressRequest } from "./egress-fetch";
import { EgressError } from "./egress-error";
import type { TResolveHost } from "./resolve-host";

// Every case here is refused before a socket opens, so no network is needed; the integration test covers real traffic.
function resolvingTo(...addresses: string[]) {
  return vi.fn<TResolveHost>(async () => addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })));
}

async function failureOf(request: TEgressRequest, allowedHosts: string[], resolveHost: TResolveHost = resolvingTo("93.184.216.34")) {
  const error = await egressFetch(request, { allowedHosts }, { resolveHost }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(EgressError);
  return error as EgressError;
}

describe("egressFetch refusals", () => {
  it("refuses a name that resolves to loopback when only a wildcard allows it", async () => {
    const resolveHost = resolvingTo("127.0.0.1");
    const error = await failureOf({ url: "https://rebind.example.com/" }, ["*.example.com"], resolveHost);
    expect(error.code).toBe("BLOCKED_ADDRESS");
    expect(error.message).toContain("rebind.example.com resolves to 127.0.0.1, which is a loopback address");
    expect(resolveHost).toHaveBeenCalledWith("rebind.example.com");
  });

  it("refuses when any one of the resolved addresses is blocked", async () => {
    const error = await failureOf({ url: "https://mixed.example.com/" }, ["*.example.com"], resolvingTo("93.184.216.34", "::ffff:10.0.0.1"));
    expect(error.code).toBe("BLOCKED_ADDRESS");
    expect(error.message).toContain("::ffff:10.0.0.1");
  });

  it("does not even resolve a host that is not allowlisted or is a metadata name", async () => {
    const resolveHost = resolvingTo("93.184.216.34");
    expect((await failureOf({ url: "https://other.example.net/" }, ["api.example.com"], resolveHost)).code).toBe("NOT_ALLOWLISTED");
    const metadata = await failureOf({ url: "http://metadata.google.internal/computeMetadata/v1/" }, ["*.example.com"], resolveHost);
    expect(metadata.code).toBe("BLOCKED_ADDRESS");
    expect(metadata.message).toContain("metadata.google.internal is a cloud metadata endpoint");
    expect(resolveHost).not.toHaveBeenCalled();
  });

  it("refuses a name that resolves to a metadata address even with an exact entry", async () => {
    const error = await failureOf({ url: "http://cloud.example.com/" }, ["cloud.example.com"], resolvingTo("169.254.169.254"));
    expect(error.code).toBe("BLOCKED_ADDRESS");
    expect(error.message).toContain("cloud metadata endpoint");
  });

  it.each(["file:///etc/passwd", "gopher://127.0.0.1:70/", "ftp://ftp.example.com/"])("refuses %s as BAD_URL", async (url) => {
    expect((await failureOf({ url }, ["*.example.com", "127.0.0.1"])).code).toBe("BAD_URL");
  });

  it("refuses methods and headers it cannot send safely, without echoing header values", async () => {
    expect((await failureOf({ url: "https://api.example.com/", method: "CONNECT" }, ["api.example.com"])).code).toBe("BAD_REQUEST");
    expect((await failureOf({ url: "https://api.example.com/", method: "GET /x" }, ["api.example.com"])).code).toBe("BAD_REQUEST");
    const header = await failureOf({ url: "https://api.example.com/", headers: { "x-token": "secret\r\nx-evil: 1" } }, ["api.example.com"]);
    expect(header.code).toBe("BAD_REQUEST");
    expect(header.message).not.toContain("secret");
  });

  it("maps a failed lookup to NETWORK, a slow one to TIMEOUT and a cancelled one to ABORTED", async () => {
    const notFound: TResolveHost = () => Promise.reject(Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" }));
    const failed = await failureOf({ url: "https://api.example.com/" }, ["api.example.com"], notFound);
    expect([failed.code, failed.message]).toEqual(["NETWORK", "Could not reach api.example.com: ENOTFOUND"]);

    const never: TResolveHost = () => new Promise(() => undefined);
    const slow = await failureOf({ url: "https://api.example.com/", timeoutMs: 30 }, ["api.example.com"], never);
    expect([slow.code, slow.message]).toEqual(["TIMEOUT", "No complete response from api.example.com within 30 ms"]);

    const controller = new AbortController();
    const pending = failureOf({ url: "https://api.example.com/", signal: controller.signal }, ["api.example.com"], never);
    controller.abort();
    expect((await pending).code).toBe("ABORTED");
    expect((await failureOf({ url: "https://api.example.com/", signal: AbortSignal.abort() }, ["api.example.com"])).code).toBe("ABORTED");
  });
});
