import { describe, expect, it } from "vitest";
import { isMetadataName, parseAllowlistEntry } from "./allowlist-entry";

function textOf(input: string): string {
  const parsed = parseAllowlistEntry(input);
  if (!parsed.ok) throw new Error(`${input} was refused: ${parsed.message}`);
  return parsed.entry.text;
}

function messageOf(input: string): string {
  const parsed = parseAllowlistEntry(input);
  if (parsed.ok) throw new Error(`${input} was accepted as ${parsed.entry.text}`);
  return parsed.message;
}

describe("parseAllowlistEntry", () => {
  it.each([
    ["api.example.com", "api.example.com"],
    ["  API.Example.COM. ", "api.example.com"],
    ["api.example.com:8443", "api.example.com:8443"],
    ["*.example.com", "*.example.com"],
    ["*.Example.com:443", "*.example.com:443"],
    ["127.0.0.1:4010", "127.0.0.1:4010"],
    ["127.1:4010", "127.0.0.1:4010"],
    ["0x7f.1:80", "127.0.0.1:80"],
    ["2130706433:80", "127.0.0.1:80"],
    ["[::1]:8080", "[::1]:8080"],
    ["[::ffff:127.0.0.1]:80", "[::ffff:7f00:1]:80"],
    ["localhost", "localhost"],
    ["bücher.de", "xn--bcher-kva.de"],
  ])("accepts %s as %s", (input, text) => {
    expect(textOf(input)).toBe(text);
  });

  it.each([
    ["169.254.169.254", "cloud metadata endpoint"],
    ["169.254.169.254:80", "cloud metadata endpoint"],
    ["0xa9fea9fe", "cloud metadata endpoint"],
    ["[fd00:ec2::254]", "cloud metadata endpoint"],
    ["[::ffff:169.254.169.254]", "cloud metadata endpoint"],
    ["100.100.100.200", "cloud metadata endpoint"],
    ["metadata.google.internal", "cloud metadata endpoint"],
    ["Metadata.Google.Internal.", "cloud metadata endpoint"],
    ["metadata", "cloud metadata endpoint"],
    ["*.google.internal", "would cover a cloud metadata endpoint"],
    ["0.0.0.0", "not a real destination"],
    ["[::]:80", "not a real destination"],
  ])("never allows %s", (input, reason) => {
    expect(messageOf(input)).toContain(reason);
  });

  it.each([
    ["", "Enter a host name"],
    ["https://api.example.com", 'drop "https://"'],
    ["gopher://x", 'drop "gopher://"'],
    ["api.example.com/v1", "without path"],
    ["user@api.example.com", "without path, query, credentials"],
    ["api.example.com?x=1", "without path"],
    ["api example.com", "spaces"],
    ["api.*.com", "first label"],
    ["*", "first label"],
    ["*.com", "too broad"],
    ["*.10.0.0.1", "not an IP address"],
    ["*.[::1]", "not an IP address"],
    ["127.0.0.1", "127.0.0.1 is a loopback address: name the one port to open, like 127.0.0.1:8080"],
    ["[::1]", "[::1] is a loopback address: name the one port to open"],
    ["10.1.2.3", "10.1.2.3 is a private network address: name the one port to open"],
    ["::1", "in brackets"],
    ["[::1", "closing bracket"],
    ["[::1]x", "after the IPv6 address"],
    ["example.com:0", "is not a port"],
    ["example.com:70000", "is not a port"],
    ["example.com:http", "is not a port"],
    ["exa_mple%zz.com", "not a valid host"],
    ["256.1.1.1", "not a valid host"],
    ["x".repeat(300), "at most"],
  ])("refuses %s with a clear message", (input, message) => {
    expect(messageOf(input)).toContain(message);
  });
});

describe("isMetadataName", () => {
  it("knows the metadata names of the big clouds and their kin", () => {
    for (const name of ["metadata.google.internal", "metadata.google.internal.", "metadata.goog", "instance-data.ec2.internal", "metadata.foo.internal"]) {
      expect(isMetadataName(name)).toBe(true);
    }
    for (const name of ["metadata.example.com", "api.internal", "host.docker.internal"]) expect(isMetadataName(name)).toBe(false);
  });
});
