// The egress decision, in two steps around DNS: `checkHostAllowed` on the name (deny by default), then
// `checkResolvedAddresses` on what the name resolved to. Entries are parsed and validated in allowlist-entry.ts.
import { isMetadataName, isNeverAllowed, parseAllowlistEntry, type TAllowlistEntry } from "./allowlist-entry";
import { classifyAddress, describeBlockReason } from "./classify-address";
import { EgressError } from "./egress-error";
import type { TEgressTarget } from "./parse-target";
import { isStudioService } from "./studio-ports";

export type TAllowlist = readonly TAllowlistEntry[];
/**
 * `isExact`: an entry names this host itself (not through a wildcard); `isPortPinned`: such an entry also names the
 * port. Only both together open a loopback or private address, and then only that port.
 */
export type TAllowlistMatch = { isExact: boolean; isPortPinned: boolean };
type THostPort = Pick<TEgressTarget, "hostname" | "port" | "ipFamily">;

/** Stored entries are re-parsed on use: one that no longer validates (rules tightened since it was saved) is dropped. */
export function compileAllowlist(hosts: readonly string[]): TAllowlist {
  return hosts.flatMap((host) => {
    const parsed = parseAllowlistEntry(host);
    return parsed.ok ? [parsed.entry] : [];
  });
}

/** Runs before DNS, so a host that is not allowed is never even looked up. */
export function checkHostAllowed(allowlist: TAllowlist, target: THostPort): TAllowlistMatch {
  if (isMetadataName(target.hostname)) {
    throw blocked(`${target.hostname} is a cloud metadata endpoint; outbound requests may never reach it`);
  }
  if (target.ipFamily !== 0) {
    const verdict = classifyAddress(target.hostname);
    if (verdict.isBlocked && isNeverAllowed(verdict.reason)) {
      throw blocked(`${target.hostname} is ${describeBlockReason(verdict.reason)}; outbound requests may never reach it`);
    }
  }
  const matches = allowlist.filter((entry) => isMatch(entry, target));
  if (matches.length === 0) {
    throw new EgressError("NOT_ALLOWLISTED", `${formatHostPort(target)} is not on this workspace's egress allowlist`);
  }
  const exact = matches.filter((entry) => !entry.isWildcard);
  return { isExact: exact.length > 0, isPortPinned: exact.some((entry) => entry.port !== undefined) };
}

/**
 * Every address must pass, not just the first: the connection may use any of them. A blocked address passes only for
 * an exact entry, so `*.example.com` can never open private space through a name that resolves there.
 */
export function checkResolvedAddresses(target: THostPort, addresses: readonly string[], match: TAllowlistMatch): void {
  for (const address of addresses) {
    const subject = target.ipFamily === 0 ? `${target.hostname} resolves to ${address}, which` : address;
    if (isStudioService(address, target.port, target.ipFamily === 0 ? target.hostname : undefined)) throw blocked(`${subject} is this studio's own service (port ${target.port}); outbound requests may never reach it`);
    const verdict = classifyAddress(address);
    if (!verdict.isBlocked) continue;
    const isOverridable = !isNeverAllowed(verdict.reason);
    if (match.isExact && match.isPortPinned && isOverridable) continue;
    const remedy = !isOverridable
      ? "outbound requests may never reach it"
      : match.isExact
        ? `only an allowlist entry naming exactly ${formatHost(target)} with its port (${formatHostPort(target)}) can open it`
        : `only an allowlist entry naming exactly ${formatHostPort(target)} can open it (wildcards never do)`;
    throw blocked(`${subject} is ${describeBlockReason(verdict.reason)}; ${remedy}`);
  }
}

function isMatch(entry: TAllowlistEntry, target: THostPort): boolean {
  if (entry.port !== undefined && entry.port !== target.port) return false;
  if (!entry.isWildcard) return entry.hostname === target.hostname;
  return target.ipFamily === 0 && target.hostname.endsWith(`.${entry.hostname}`);
}

function formatHost(target: THostPort): string {
  return target.ipFamily === 6 ? `[${target.hostname}]` : target.hostname;
}

function formatHostPort(target: THostPort): string {
  return `${formatHost(target)}:${target.port}`;
}

function blocked(message: string): EgressError {
  return new EgressError("BLOCKED_ADDRESS", message);
}
