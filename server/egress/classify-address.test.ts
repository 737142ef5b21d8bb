import { describe, expect, it } from "vitest";
import { classifyAddress, type TBlockReason } from "./classify-address";

function reasonOf(address: string): TBlockReason | "public" {
  const verdict = classifyAddress(address);
  return verdict.isBlocked ? verdict.reason : "public";
}

describe("classifyAddress", () => {
  it.each<[string, TBlockReason]>([
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["::1", "loopback"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["::", "unspecified"],
    ["10.0.0.1", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["169.254.1.1", "link-local"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["100.64.0.1", "cgnat"],
    ["100.127.255.255", "cgnat"],
    ["169.254.169.254", "metadata"],
    ["169.254.170.2", "metadata"],
    ["100.100.100.200", "metadata"],
    ["fd00:ec2::254", "metadata"],
    ["224.0.0.1", "multicast"],
    ["ff02::1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["240.0.0.1", "reserved"],
    ["198.18.0.1", "benchmarking"],
    ["198.19.255.255", "benchmarking"],
    ["192.0.2.10", "documentation"],
    ["198.51.100.7", "documentation"],
    ["203.0.113.9", "documentation"],
    ["2001:db8::1", "documentation"],
    ["2001::1", "reserved"],
    ["::2", "unspecified"],
  ])("blocks %s as %s", (address, reason) => {
    expect(reasonOf(address)).toBe(reason);
  });

  it.each<[string, TBlockReason]>([
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["0:0:0:0:0:ffff:7f00:0001", "loopback"],
    ["::ffff:169.254.169.254", "metadata"],
    ["::ffff:a9fe:a9fe", "metadata"],
    ["::ffff:10.0.0.1", "private"],
    ["::127.0.0.1", "loopback"],
    ["::ffff:0:7f00:1", "loopback"],
    ["64:ff9b::10.0.0.1", "private"],
    ["64:ff9b::a9fe:a9fe", "metadata"],
    ["64:ff9b::7f00:1", "loopback"],
    ["2002:7f00:1::", "loopback"],
    ["2002:c0a8:101::1", "private"],
  ])("sees the IPv4 address inside %s (%s)", (address, reason) => {
    expect(reasonOf(address)).toBe(reason);
  });

  it.each(["8.8.8.8", "1.1.1.1", "93.184.216.34", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"])(
    "lets the public address %s through",
    (address) => {
      expect(reasonOf(address)).toBe("public");
    },
  );

  it("blocks what is not an IP address, and unassigned IPv6 space", () => {
    expect(reasonOf("localhost")).toBe("invalid");
    expect(reasonOf("127.1")).toBe("invalid");
    expect(reasonOf("")).toBe("invalid");
    expect(reasonOf("4000::1")).toBe("reserved");
  });
});
