// The studio's own listening ports (its HTTP port, its Postgres): no allowlist entry opens them on this machine, so a
// graph can never call the studio's API as itself or talk to its database. Registered at start-up (server/main.ts).
import { networkInterfaces } from "node:os";
import { classifyAddress } from "./classify-address";

let protectedPorts = new Set<number>();

export function protectStudioPorts(ports: readonly number[]): void {
  protectedPorts = new Set(ports);
}

/** A connection to `address:port` would reach one of the studio's own services on this machine. */
export function isStudioService(address: string, port: number): boolean {
  if (!protectedPorts.has(port)) return false;
  const verdict = classifyAddress(address);
  if (verdict.isBlocked && (verdict.reason === "loopback" || verdict.reason === "unspecified")) return true;
  return Object.values(networkInterfaces()).some((entries) => entries?.some((entry) => entry.address === address));
}
