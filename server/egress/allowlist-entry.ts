import { isIP } from "node:net";
import { classifyAddress, describeBlockReason, type TBlockReason } from "./classify-address";
import { stripTrailingDot } from "./parse-target";

/** One allowlist entry, normalised the way request targets are, so matching is a plain comparison. */
export type TAllowlistEntry = {
  /** Canonical text, as stored: `api.example.com`, `*.example.com:443`, `127.0.0.1:4010`, `[::1]:8080`. */
  text: string;
  hostname: string;
  isWildcard: boolean;
  /** Absent: any port. */
  port?: number;
};

export type TParsedEntry = { ok: true; entry: TAllowlistEntry } | { ok: false; message: string };

const MAX_ENTRY_LENGTH = 270;
// Cloud metadata services by name. Their addresses are blocked too (classify-address.ts); names are refused first so a
// resolver that maps them elsewhere, or a cache, cannot matter.
const METADATA_NAMES = ["metadata.google.internal", "metadata.goog", "metadata", "instance-data", "instance-data.ec2.internal"];
const METADATA_LABELS = new Set(["metadata", "instance-data"]);

/**
 * Reasons no allowlist entry can override: metadata hands out cloud credentials, an unspecified address (0.0.0.0, ::)
 * is loopback in disguise, and a non-address cannot be checked at all.
 */
export function isNeverAllowed(reason: TBlockReason): boolean {
  return reason === "metadata" || reason === "unspecified" || reason === "invalid";
}

/** `metadata.google.internal`, `metadata`, `instance-data.ec2.internal` and their kin: never reachable. */
export function isMetadataName(hostname: string): boolean {
  const name = stripTrailingDot(hostname.toLowerCase());
  if (METADATA_NAMES.includes(name)) return true;
  const labels = name.split(".");
  return METADATA_LABELS.has(labels[0] ?? "") && (labels.length === 1 || labels.at(-1) === "internal");
}

/** Validates and normalises an entry typed by an admin; the message says what to type instead. */
export function parseAllowlistEntry(input: string): TParsedEntry {
  const text = input.trim();
  if (text === "") return fail("Enter a host name, like api.example.com");
  if (text.length > MAX_ENTRY_LENGTH) return fail(`An entry is at most ${MAX_ENTRY_LENGTH} characters`);
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  if (scheme) return fail(`Enter a host, not a URL: drop "${scheme[1]}://"`);
  if (/[/?#@\\\s]/.test(text)) return fail("Enter only a host and an optional port, without path, query, credentials or spaces");

  const isWildcard = text.startsWith("*.");
  const rest = isWildcard ? text.slice(2) : text;
  if (rest.includes("*")) return fail("A wildcard may only replace the first label, like *.example.com");
  const split = splitHostPort(rest);
  if (!split.ok) return split;

  const hostname = normaliseHost(split.host);
  if (hostname === undefined) return fail(`"${split.host}" is not a valid host name or IP address`);
  const family = isIP(hostname);
  if (isWildcard && family !== 0) return fail("A wildcard needs a domain name, like *.example.com, not an IP address");
  if (isWildcard && !hostname.includes(".")) return fail(`*.${hostname} is too broad: name a domain, like *.example.com`);
  const reason = family === 0 ? undefined : blockReasonOf(hostname);
  if (isMetadataName(hostname) || reason === "metadata") {
    return fail(`${hostname} is a cloud metadata endpoint and can never be allowed`);
  }
  if (reason === "unspecified") {
    return fail(`${hostname} is not a real destination (it reaches this machine); allow 127.0.0.1 or ::1 explicitly instead`);
  }
  if (reason !== undefined && split.port === undefined) {
    return fail(`${hostText(hostname, family)} is ${describeBlockReason(reason)}: name the one port to open, like ${hostText(hostname, family)}:8080`);
  }
  if (isWildcard && METADATA_NAMES.some((name) => name.endsWith(`.${hostname}`))) {
    return fail(`*.${hostname} would cover a cloud metadata endpoint; name the hosts you need instead`);
  }

  const entry: TAllowlistEntry = {
    text: `${isWildcard ? "*." : ""}${hostText(hostname, family)}${split.port === undefined ? "" : `:${split.port}`}`,
    hostname,
    isWildcard,
    ...(split.port === undefined ? {} : { port: split.port }),
  };
  return { ok: true, entry };
}

function hostText(hostname: string, family: number): string {
  return family === 6 ? `[${hostname}]` : hostname;
}

function splitHostPort(text: string): { ok: true; host: string; port?: number } | { ok: false; message: string } {
  let host = text;
  let portText: string | undefined;
  if (text.startsWith("[")) {
    const end = text.indexOf("]");
    if (end === -1) return fail("An IPv6 address needs a closing bracket, like [2001:db8::1]");
    host = text.slice(0, end + 1);
    const after = text.slice(end + 1);
    if (after !== "" && !after.startsWith(":")) return fail(`Unexpected "${after}" after the IPv6 address`);
    if (after !== "") portText = after.slice(1);
  } else {
    const colons = text.split(":").length - 1;
    if (colons > 1) return fail("Put an IPv6 address in brackets, like [2001:db8::1] or [2001:db8::1]:8080");
    if (colons === 1) [host = "", portText] = text.split(":");
  }
  if (portText === undefined) return { ok: true, host };
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 1 && port <= 65_535)) return fail(`"${portText}" is not a port (1-65535)`);
  return { ok: true, host, port };
}

/** The same normalisation a request URL gets (parse-target.ts), so `127.1` here equals `127.0.0.1` there. */
function normaliseHost(host: string): string | undefined {
  if (host === "" || host === "[]") return undefined;
  try {
    const hostname = stripTrailingDot(new URL(`http://${host}`).hostname.replace(/^\[(.*)\]$/, "$1"));
    return hostname === "" ? undefined : hostname;
  } catch {
    return undefined;
  }
}

function blockReasonOf(address: string): TBlockReason | undefined {
  const verdict = classifyAddress(address);
  return verdict.isBlocked ? verdict.reason : undefined;
}

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}
