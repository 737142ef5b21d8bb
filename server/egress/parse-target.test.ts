import { describe, expect, it } from "vitest";
import { EgressError } from "./egress-error";
import { parseTarget } from "./parse-target";

function errorOf(input: string): EgressError {
  try {
    parseTarget(input);
  } catch (error) {
    expect(error).toBeInstanceOf(EgressError);
    return error as EgressError;
  }
  throw new Error(`${input} was accepted`);
}

describe("parseTarget", () => {
  it.each([
    ["http://127.1/", "127.0.0.1"],
    ["http://0x7f.1/", "127.0.0.1"],
    ["http://2130706433/", "127.0.0.1"],
    ["http://0177.0.0.1/", "127.0.0.1"],
    ["http://0x7f000001/", "127.0.0.1"],
    ["http://0/", "0.0.0.0"],
    ["http://0xa9.0xfe.0xa9.0xfe/", "169.254.169.254"],
    ["http://LOCALHOST./", "localhost"],
    ["http://ex%41mple.com/", "example.com"],
    ["http://bücher.de/", "xn--bcher-kva.de"],
  ])("normalises %s to the host %s", (input, hostname) => {
    const target = parseTarget(input);
    expect(target.hostname).toBe(hostname);
  });

  it("unbrackets IPv6 literals and rewrites embedded IPv4 to hex", () => {
    expect(parseTarget("http://[::1]/").hostname).toBe("::1");
    expect(parseTarget("http://[::ffff:127.0.0.1]/")).toMatchObject({ hostname: "::ffff:7f00:1", ipFamily: 6 });
    expect(parseTarget("http://[::ffff:7f00:1]/").hostname).toBe("::ffff:7f00:1");
    expect(parseTarget("http://[FD00:EC2::254]:8080/").hostname).toBe("fd00:ec2::254");
  });

  it("fills in default ports and keeps explicit ones", () => {
    expect(parseTarget("http://example.com/a?b=1")).toMatchObject({ protocol: "http:", port: 80, ipFamily: 0 });
    expect(parseTarget("https://example.com/")).toMatchObject({ protocol: "https:", port: 443 });
    expect(parseTarget("https://example.com:8443/").port).toBe(8443);
    expect(parseTarget("http://example.com:443/").port).toBe(443);
    expect(parseTarget("http://10.0.0.1:80/").ipFamily).toBe(4);
  });

  it.each(["file:///etc/passwd", "gopher://127.0.0.1:6379/_INFO", "ftp://example.com/x", "data:text/plain,hi", "javascript:alert(1)", "ws://example.com/"])(
    "refuses the scheme of %s",
    (input) => {
      const error = errorOf(input);
      expect(error.code).toBe("BAD_URL");
      expect(error.message).toContain("Only http and https");
    },
  );

  it("refuses credentials in the URL, garbage, port 0 and absurd lengths", () => {
    expect(errorOf("http://user:pass@example.com/").message).toContain("Credentials in the URL");
    expect(errorOf("http://user@example.com/").code).toBe("BAD_URL");
    expect(errorOf("not a url").code).toBe("BAD_URL");
    expect(errorOf("http://[::1/").code).toBe("BAD_URL");
    expect(errorOf("http://256.256.256.256/").code).toBe("BAD_URL");
    expect(errorOf("http://example.com:0/").code).toBe("BAD_URL");
    expect(errorOf(`http://example.com/${"a".repeat(9000)}`).code).toBe("BAD_URL");
  });
});
