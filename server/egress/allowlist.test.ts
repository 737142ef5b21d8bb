import { describe, expect, it } from "vitest";
import { checkHostAllowed, checkResolvedAddresses, compileAllowlist } from "./allowlist";
import { EgressError } from "./egress-error";
import { parseTarget } from "./parse-target";
import { protectStudioPorts, resolveEndpoints } from "./studio-ports";

function decide(url: string, hosts: string[], addresses?: string[]): string {
  const target = parseTarget(url);
  try {
    const match = checkHostAllowed(compileAllowlist(hosts), target);
    checkResolvedAddresses(target, addresses ?? [target.hostname], match);
    return "allowed";
  } catch (error) {
    if (!(error instanceof EgressError)) throw error;
    return error.code;
  }
}

describe("allowlist decisions", () => {
  it("denies by default", () => {
    expect(decide("https://api.example.com/", [], ["93.184.216.34"])).toBe("NOT_ALLOWLISTED");
  });

  it("matches hosts, ports and wildcard subdomains", () => {
    const hosts = ["api.example.com", "*.example.org", "ports.example.net:8443"];
    const publicIp = ["93.184.216.34"];
    expect(decide("https://API.example.com./x", hosts, publicIp)).toBe("allowed");
    expect(decide("http://api.example.com:9999/", hosts, publicIp)).toBe("allowed");
    expect(decide("https://a.example.org/", hosts, publicIp)).toBe("allowed");
    expect(decide("https://a.b.example.org/", hosts, publicIp)).toBe("allowed");
    expect(decide("https://example.org/", hosts, publicIp)).toBe("NOT_ALLOWLISTED");
    expect(decide("https://evilexample.org/", hosts, publicIp)).toBe("NOT_ALLOWLISTED");
    expect(decide("https://example.org.evil.com/", hosts, publicIp)).toBe("NOT_ALLOWLISTED");
    expect(decide("https://ports.example.net:8443/", hosts, publicIp)).toBe("allowed");
    expect(decide("https://ports.example.net/", hosts, publicIp)).toBe("NOT_ALLOWLISTED");
  });

  it.each([
    "http://127.1/",
    "http://0x7f.1/",
    "http://2130706433/",
    "http://0177.0.0.1/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:7f00:1]/",
    "http://10.0.0.1/",
    "http://192.168.1.1/",
    "http://172.16.0.1/",
    "http://100.64.0.1/",
  ])("opens the blocked address %s only for an entry naming it and its port exactly", (url) => {
    const target = parseTarget(url);
    const exact = target.ipFamily === 6 ? `[${target.hostname}]` : target.hostname;
    expect(decide(url, [])).toBe("NOT_ALLOWLISTED");
    expect(decide(url, [`${exact}:80`])).toBe("allowed");
    expect(decide(url, [`${exact}:81`])).toBe("NOT_ALLOWLISTED");
    // An entry without a port is refused when typed, and dropped if one was stored before the rule.
    expect(decide(url, [exact])).toBe("NOT_ALLOWLISTED");
  });

  it.each(["http://0.0.0.0/", "http://0/", "http://169.254.169.254/", "http://[fd00:ec2::254]/", "http://metadata.google.internal/", "http://100.100.100.200/"])(
    "never opens %s, whatever the allowlist says",
    (url) => {
      // Entries for these are refused at validation; even a stored one that slipped in would be dropped on compile.
      expect(decide(url, ["0.0.0.0", "169.254.169.254", "[fd00:ec2::254]", "metadata.google.internal", "*.example.com"])).toBe(
        "BLOCKED_ADDRESS",
      );
    },
  );

  it("refuses a name that resolves to private space unless an entry names it and its port exactly", () => {
    expect(decide("https://internal.example.com/", ["*.example.com"], ["127.0.0.1"])).toBe("BLOCKED_ADDRESS");
    expect(decide("https://internal.example.com/", ["*.example.com"], ["93.184.216.34", "10.0.0.8"])).toBe("BLOCKED_ADDRESS");
    expect(decide("https://internal.example.com/", ["internal.example.com"], ["10.0.0.8"])).toBe("BLOCKED_ADDRESS");
    expect(decide("https://internal.example.com/", ["internal.example.com:443"], ["10.0.0.8"])).toBe("allowed");
    expect(decide("https://localhost/", ["localhost"], ["127.0.0.1", "::1"])).toBe("BLOCKED_ADDRESS");
    expect(decide("https://localhost/", ["localhost:443"], ["127.0.0.1", "::1"])).toBe("allowed");
    expect(decide("https://localhost:5432/", ["localhost:443"], ["127.0.0.1"])).toBe("NOT_ALLOWLISTED");
  });

  it("never opens the studio's own ports on this machine, whatever the allowlist says", () => {
    protectStudioPorts([3000, 54329]);
    try {
      expect(decide("http://127.0.0.1:3000/api/trpc/secret.list", ["127.0.0.1:3000"])).toBe("BLOCKED_ADDRESS");
      expect(decide("http://localhost:54329/", ["localhost:54329"], ["::1", "127.0.0.1"])).toBe("BLOCKED_ADDRESS");
      expect(decide("http://studio.example.com:3000/", ["studio.example.com:3000"], ["127.0.0.2"])).toBe("BLOCKED_ADDRESS");
      // The same port elsewhere is someone else's service.
      expect(decide("http://api.example.com:3000/", ["api.example.com:3000"], ["93.184.216.34"])).toBe("allowed");
      expect(decide("http://127.0.0.1:3001/", ["127.0.0.1:3001"])).toBe("allowed");
    } finally {
      protectStudioPorts([]);
    }
  });

  it("never opens the database or Redis the studio uses on another host, by its name or by any name for its address", async () => {
    protectStudioPorts([3000], [{ hostname: "postgres", port: 5432 }, { hostname: "10.0.0.9", port: 6379 }, { hostname: "localhost", port: 15432 }]);
    try {
      await resolveEndpoints();
      expect(decide("http://postgres:5432/", ["postgres:5432"], ["172.18.0.2"])).toBe("BLOCKED_ADDRESS");
      expect(decide("http://10.0.0.9:6379/", ["10.0.0.9:6379"])).toBe("BLOCKED_ADDRESS");
      expect(decide("http://alias.example.com:15432/", ["alias.example.com:15432"], ["127.0.0.1"])).toBe("BLOCKED_ADDRESS");
      // Another port of those hosts is not the studio's.
      expect(decide("http://10.0.0.9:6380/", ["10.0.0.9:6380"])).toBe("allowed");
      expect(decide("http://postgres:8080/", ["postgres:8080"], ["172.18.0.2"])).toBe("allowed");
    } finally {
      protectStudioPorts([]);
    }
  });

  it("never opens a metadata address through a name, not even an exact one", () => {
    expect(decide("http://sneaky.example.com/", ["sneaky.example.com"], ["169.254.169.254"])).toBe("BLOCKED_ADDRESS");
    expect(decide("http://sneaky.example.com/", ["sneaky.example.com"], ["::ffff:a9fe:a9fe"])).toBe("BLOCKED_ADDRESS");
  });

  it("names the host, the address and the reason", () => {
    const target = parseTarget("https://internal.example.com/");
    const match = checkHostAllowed(compileAllowlist(["*.example.com"]), target);
    expect(() => checkResolvedAddresses(target, ["10.0.0.8"], match)).toThrow(
      "internal.example.com resolves to 10.0.0.8, which is a private network address; only an allowlist entry naming exactly internal.example.com:443 can open it (wildcards never do)",
    );
    expect(() => checkHostAllowed([], parseTarget("http://[::1]:8080/"))).toThrow("[::1]:8080 is not on this workspace's egress allowlist");
  });
});
