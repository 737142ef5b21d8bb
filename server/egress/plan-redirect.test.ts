import { describe, expect, it } from "vitest";
import { parseTarget } from "./parse-target";
import { planRedirect, type THop } from "./plan-redirect";

const from = parseTarget("https://api.example.com/start");
const post: THop = {
  url: from.url.href,
  method: "POST",
  headers: { authorization: "Bearer t", cookie: "a=1", "content-type": "application/json", accept: "*/*" },
  body: Buffer.from("{}"),
};

describe("planRedirect", () => {
  it("ignores final responses and redirects without a location", () => {
    expect(planRedirect(post, from, 200, "/x")).toBeUndefined();
    expect(planRedirect(post, from, 304, "/x")).toBeUndefined();
    expect(planRedirect(post, from, 302, undefined)).toBeUndefined();
  });

  it("keeps method, body and credentials for a same-origin 307", () => {
    expect(planRedirect(post, from, 307, "/next?q=1")).toEqual({ ...post, url: "https://api.example.com/next?q=1" });
  });

  it("turns 303 and POST under 301/302 into a body-less GET", () => {
    for (const status of [301, 302, 303]) {
      const next = planRedirect(post, from, status, "/done");
      expect(next).toEqual({ url: "https://api.example.com/done", method: "GET", headers: { authorization: "Bearer t", cookie: "a=1", accept: "*/*" } });
    }
    expect(planRedirect({ ...post, method: "PUT" }, from, 302, "/done")?.method).toBe("PUT");
  });

  it("drops Authorization and Cookie when the redirect leaves the origin", () => {
    for (const location of ["https://other.example.com/", "http://api.example.com/", "https://api.example.com:8443/"]) {
      expect(planRedirect(post, from, 308, location)?.headers).toEqual({ "content-type": "application/json", accept: "*/*" });
    }
  });

  it("resolves relative locations against the current URL and refuses garbage", () => {
    expect(planRedirect(post, from, 301, "//cdn.example.com/a")?.url).toBe("https://cdn.example.com/a");
    expect(() => planRedirect(post, from, 301, "http://[::1")).toThrow("api.example.com redirected to an invalid location");
  });
});
