import { isIP } from "node:net";

export type TBlockReason =
  | "loopback"
  | "unspecified"
  | "private"
  | "link-local"
  | "cgnat"
  | "metadata"
  | "multicast"
  | "broadcast"
  | "reserved"
  | "benchmarking"
  | "documentation"
  | "invalid";

export type TAddressClass = { address: string; isBlocked: false } | { address: string; isBlocked: true; reason: TBlockReason };

type TRange = { bytes: number[]; prefix: number; reason: TBlockReason };

// First match wins: the metadata hosts come before the ranges that contain them, so their reason is "metadata".
const V4_RANGES = toRanges([
  ["169.254.169.254/32", "metadata"], // AWS, GCP, Azure, OpenStack, DigitalOcean, ...
  ["169.254.170.2/32", "metadata"], // AWS ECS task credentials
  ["100.100.100.200/32", "metadata"], // Alibaba Cloud
  ["168.63.129.16/32", "metadata"], // Azure WireServer: a public-looking address that serves platform internals
  ["0.0.0.0/8", "unspecified"], // "this network"; connecting to 0.0.0.0 reaches the local host on Linux
  ["10.0.0.0/8", "private"],
  ["100.64.0.0/10", "cgnat"],
  ["127.0.0.0/8", "loopback"],
  ["169.254.0.0/16", "link-local"],
  ["172.16.0.0/12", "private"],
  ["192.0.0.0/24", "reserved"], // IETF protocol assignments
  ["192.0.2.0/24", "documentation"],
  ["192.88.99.0/24", "reserved"], // 6to4 relay anycast
  ["192.168.0.0/16", "private"],
  ["198.18.0.0/15", "benchmarking"],
  ["198.51.100.0/24", "documentation"],
  ["203.0.113.0/24", "documentation"],
  ["224.0.0.0/4", "multicast"],
  ["255.255.255.255/32", "broadcast"],
  ["240.0.0.0/4", "reserved"],
]);

const V6_RANGES = toRanges([
  ["fd00:ec2::254/128", "metadata"], // AWS
  ["fd20:ce::254/128", "metadata"], // GCP
  ["::/128", "unspecified"],
  ["::1/128", "loopback"],
  ["100::/64", "reserved"], // discard-only
  ["2001::/32", "reserved"], // Teredo: tunnels to an IPv4 address we cannot check
  ["2001:2::/48", "benchmarking"],
  ["2001:10::/28", "reserved"], // ORCHID
  ["2001:20::/28", "reserved"], // ORCHIDv2
  ["2001:db8::/32", "documentation"],
  ["3fff::/20", "documentation"],
  ["64:ff9b:1::/48", "private"], // local-use NAT64
  ["fc00::/7", "private"],
  ["fec0::/10", "private"], // deprecated site-local
  ["fe80::/10", "link-local"],
  ["ff00::/8", "multicast"],
]);

// IPv6 forms that carry an IPv4 address in their last 32 bits; that IPv4 address decides (::ffff:127.0.0.1 is loopback).
const EMBEDDING_V4 = toRanges([
  ["::ffff:0:0/96", "reserved"], // IPv4-mapped
  ["::ffff:0:0:0/96", "reserved"], // IPv4-translated (SIIT)
  ["64:ff9b::/96", "reserved"], // NAT64 well-known prefix
  ["::/96", "reserved"], // IPv4-compatible (deprecated)
]);
const SIX_TO_FOUR = toRanges([["2002::/16", "reserved"]]);
const GLOBAL_UNICAST = toRanges([["2000::/3", "reserved"]]);

/** Classifies an IP address (v4 or v6, without brackets). Anything that is not an IP address is blocked as "invalid". */
export function classifyAddress(address: string): TAddressClass {
  const bare = address.split("%")[0] ?? ""; // an IPv6 zone ("fe80::1%eth0") does not change the class
  const family = isIP(bare);
  const reason = family === 4 ? classifyV4(parseV4(bare)) : family === 6 ? classifyV6(parseV6(bare)) : "invalid";
  return reason ? { address, isBlocked: true, reason } : { address, isBlocked: false };
}

const REASON_TEXT: Record<TBlockReason, string> = {
  loopback: "a loopback address",
  unspecified: "an unspecified address (0.0.0.0 or ::)",
  private: "a private network address",
  "link-local": "a link-local address",
  cgnat: "a carrier-grade NAT address (100.64.0.0/10)",
  metadata: "a cloud metadata endpoint",
  multicast: "a multicast address",
  broadcast: "the broadcast address",
  reserved: "a reserved address",
  benchmarking: "a benchmarking address (198.18.0.0/15)",
  documentation: "a documentation address",
  invalid: "not a valid IP address",
};

export function describeBlockReason(reason: TBlockReason): string {
  return REASON_TEXT[reason];
}

function classifyV4(bytes: number[]): TBlockReason | undefined {
  return V4_RANGES.find((range) => isInRange(bytes, range))?.reason;
}

function classifyV6(bytes: number[]): TBlockReason | undefined {
  const listed = V6_RANGES.find((range) => isInRange(bytes, range));
  if (listed) return listed.reason;
  if (EMBEDDING_V4.some((range) => isInRange(bytes, range))) return classifyV4(bytes.slice(12));
  if (isInRange(bytes, SIX_TO_FOUR[0]!)) return classifyV4(bytes.slice(2, 6));
  // Only 2000::/3 is handed out for global unicast; anything else outside the ranges above is unassigned.
  return isInRange(bytes, GLOBAL_UNICAST[0]!) ? undefined : "reserved";
}

function isInRange(bytes: number[], range: TRange): boolean {
  if (bytes.length !== range.bytes.length) return false;
  for (let bit = 0; bit < range.prefix; bit += 8) {
    const width = Math.min(8, range.prefix - bit);
    const mask = (0xff << (8 - width)) & 0xff;
    if (((bytes[bit / 8] ?? 0) & mask) !== ((range.bytes[bit / 8] ?? 0) & mask)) return false;
  }
  return true;
}

function toRanges(rows: [string, TBlockReason][]): TRange[] {
  return rows.map(([cidr, reason]) => {
    const [address = "", prefix = ""] = cidr.split("/");
    return { bytes: isIP(address) === 4 ? parseV4(address) : parseV6(address), prefix: Number(prefix), reason };
  });
}

/** Only called on strings `isIP` accepted, so the shape is known. */
function parseV4(text: string): number[] {
  return text.split(".").map(Number);
}

function parseV6(text: string): number[] {
  const [head = "", tail] = text.split("::");
  const left = toGroups(head);
  const right = tail === undefined ? [] : toGroups(tail);
  const groups = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  return groups.flatMap((group) => [group >> 8, group & 0xff]);
}

function toGroups(part: string): number[] {
  if (part === "") return [];
  return part.split(":").flatMap((group) => {
    if (!group.includes(".")) return [parseInt(group, 16)];
    const [a = 0, b = 0, c = 0, d = 0] = parseV4(group);
    return [(a << 8) | b, (c << 8) | d];
  });
}
