// The studio's own services: its listening ports on this machine (HTTP, an embedded Postgres) and the database and
// Redis it uses wherever they run (compose's `postgres:5432`). No allowlist entry opens them, so a graph can never call
// the studio's API as itself or talk to its database. Registered at start-up (server/main.ts, server/worker.ts).
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { networkInterfaces } from "node:os";
import { classifyAddress } from "./classify-address";

export type TServiceEndpoint = { hostname: string; port: number };

/** How often the addresses of the database and Redis host names are looked up again (a container may move). */
const RESOLVE_EVERY_MS = 60_000;

let protectedPorts = new Set<number>();
let endpoints: TServiceEndpoint[] = [];
let endpointAddresses = new Set<string>();
let refreshTimer: NodeJS.Timeout | undefined;

/**
 * `ports`: what this machine serves for the studio (any local address). `services`: the database and Redis URLs'
 * host and port, blocked by name and by every address the name resolves to.
 */
export function protectStudioPorts(ports: readonly number[], services: readonly TServiceEndpoint[] = []): void {
  protectedPorts = new Set(ports);
  endpoints = services.map((service) => ({ hostname: service.hostname.toLowerCase().replace(/^\[|\]$/g, ""), port: service.port }));
  endpointAddresses = new Set(endpoints.filter((service) => isIP(service.hostname) !== 0).map((service) => keyOf(service.hostname, service.port)));
  clearInterval(refreshTimer);
  refreshTimer = undefined;
  if (endpoints.some((service) => isIP(service.hostname) === 0)) {
    void resolveEndpoints();
    refreshTimer = setInterval(() => void resolveEndpoints(), RESOLVE_EVERY_MS);
    refreshTimer.unref();
  }
}

/** A service URL's endpoint, with the scheme's default port when the URL names none. */
export function endpointOf(url: string, defaultPort: number): TServiceEndpoint {
  const parsed = new URL(url);
  return { hostname: parsed.hostname, port: Number(parsed.port || defaultPort) };
}

/** Resolves once the database and Redis names have been looked up (start-up and tests). */
export async function resolveEndpoints(): Promise<void> {
  const addresses = new Set<string>();
  for (const service of endpoints) {
    if (isIP(service.hostname) !== 0) {
      addresses.add(keyOf(service.hostname, service.port));
      continue;
    }
    const found = await lookup(service.hostname, { all: true }).catch(() => []);
    for (const { address } of found) addresses.add(keyOf(address, service.port));
  }
  endpointAddresses = addresses;
}

/** A connection to `address:port` (for `hostname`, when a name was used) would reach one of the studio's own services. */
export function isStudioService(address: string, port: number, hostname?: string): boolean {
  if (endpointAddresses.has(keyOf(address, port))) return true;
  if (hostname !== undefined && endpoints.some((service) => service.hostname === hostname.toLowerCase() && service.port === port)) return true;
  if (!protectedPorts.has(port)) return false;
  const verdict = classifyAddress(address);
  if (verdict.isBlocked && (verdict.reason === "loopback" || verdict.reason === "unspecified")) return true;
  return Object.values(networkInterfaces()).some((entries) => entries?.some((entry) => entry.address === address));
}

function keyOf(address: string, port: number): string {
  return `${address.toLowerCase()}|${port}`;
}
