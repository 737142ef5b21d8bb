// Every spelling of "this machine" and of the cloud's metadata service, sent through an HTTP Request node in a real
// run (the workspace allowlist from the database, the egress guard the node uses): each run fails with the guard's
// refusal, and a ledger listening on every local address counts zero connections. Redirects from an allowlisted host
// and names resolving to private addresses get the same answer, and the studio's own port stays closed even when an
// admin lists it.
import { lookup } from "node:dns/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { hostname } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/client";
import { classifyAddress, egressFetch, EgressError, type TResolvedAddress } from "../../egress";
import { protectStudioPorts } from "../../egress/studio-ports";
import { buildSpec } from "../../runtime/testing/build-spec";
import { addEgressRule } from "../../services/egress/add-egress-rule";
import { createGraph } from "../../services/graph/create-graph";
import { startRun } from "../../services/run/start-run";
import { createWorkspaceWithMembers } from "../../testing/factories";
import { startHttpLedgerServer } from "../../testing/http-ledger-server";
import { startWorkspaceRuntime } from "../../testing/start-workspace-runtime";
import { waitForRunEnd } from "../../testing/wait-for-run-end";

let ledger: Awaited<ReturnType<typeof startHttpLedgerServer>>;
let studioPort: Awaited<ReturnType<typeof startHttpLedgerServer>>;
let control: Awaited<ReturnType<typeof startHttpLedgerServer>>;
let redirector: ReturnType<typeof createServer>;
let redirectorHost = "";
let redirectsServed = 0;
let studio: ReturnType<typeof startWorkspaceRuntime>;

beforeAll(async () => {
  // Listening on `::` takes 127.0.0.1, ::1, 0.0.0.0 and this machine's own addresses alike.
  [ledger, studioPort, control] = await Promise.all([startHttpLedgerServer({ host: "::" }), startHttpLedgerServer({ host: "::" }), startHttpLedgerServer()]);
  protectStudioPorts([studioPort.port]);
  redirector = createServer((request, response) => {
    redirectsServed++;
    response.writeHead(302, { location: new URL(request.url ?? "/", "http://x").searchParams.get("to") ?? "/" }).end();
  });
  await new Promise<void>((resolve) => redirector.listen(0, "127.0.0.1", resolve));
  redirectorHost = `127.0.0.1:${(redirector.address() as AddressInfo).port}`;
  studio = startWorkspaceRuntime();
});

afterAll(async () => {
  protectStudioPorts([]);
  await studio.stop();
  await Promise.all([ledger.close(), studioPort.close(), control.close(), new Promise((resolve) => redirector.close(resolve))]);
});

/** Spellings of this machine on `port`, each a URL the WHATWG parser (and so the guard) must see through. */
function spellingsOfThisMachine(port: number, ownName: string | null): string[] {
  return [
    "127.0.0.1", "127.1", "0177.0.0.1", "0177.1", "017700000001", "0x7f000001", "0x7f.0.0.1", "2130706433", "127.000.000.001",
    "127.0.0.1.", "127.0.0.1%2e", "１２７.０.０.１", "0.0.0.0", "0", "[::1]", "[0:0:0:0:0:0:0:1]", "[::]", "[::ffff:127.0.0.1]",
    "[::ffff:7f00:1]", "localhost", "LOCALHOST", "localhost.", "allowed.example.test@127.0.0.1", "127.0.0.1:PORT\\@allowed.example.test",
    ...(ownName ? [ownName] : []),
  ].map((host) => (host.includes(":PORT") ? `http://${host.replace("PORT", String(port))}/` : `http://${host}:${port}/`));
}

const METADATA = ["http://169.254.169.254/latest/meta-data/", "http://metadata.google.internal/computeMetadata/v1/", "http://100.100.100.200/", "http://[fd00:ec2::254]/", "http://169.254.170.2/v2/credentials"];

/** The machine's own name, when the system resolver maps it to an address the guard blocks (as /etc/hosts usually does). */
async function ownBlockedName(): Promise<string | null> {
  const name = hostname();
  const resolved = await lookup(name).catch(() => null);
  return resolved && classifyAddress(resolved.address).isBlocked ? name : null;
}

/** One run per URL of a graph `in -> HTTP Request -> out`, all started at once; their ends, by URL. */
async function runEach(workspaceId: string, actorId: string, urls: string[]) {
  const runs = await Promise.all(
    urls.map(async (url, index) => {
      const spec = buildSpec([{ id: "in", type: "core/input" }, { id: "call", type: "core/http-request", config: { url } }, { id: "out", type: "core/output" }], ["in.out->call.in", "call.out->out.in"]);
      const graph = await createGraph(db(), { workspaceId, actorId, name: `SSRF ${index}`, spec });
      return startRun(db(), { workspaceId, actorId, graphId: graph.id, source: { kind: "draft" }, input: {} });
    }),
  );
  const ended = await Promise.all(runs.map((run) => waitForRunEnd(run.id, 60_000)));
  return Object.fromEntries(ended.map((run, index) => [urls[index]!, { status: run.status, message: (run.error as { message?: string } | null)?.message ?? "" }]));
}

describe("SSRF spellings through the HTTP Request node", () => {
  it("refuses every spelling of this machine, its metadata service and redirects there, and connects to none of them", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["admin"]);
    const scope = { workspaceId: workspace.id, actorId: members.admin.id };
    const ownName = await ownBlockedName();
    // What a careless admin might list: wildcards, the machine's own name, the redirector and the control ledger.
    for (const host of ["*.example.test", "example.test", ...(ownName ? [ownName] : []), redirectorHost, control.host]) await addEgressRule(db(), { ...scope, host });

    const direct = [...spellingsOfThisMachine(ledger.port, ownName), ...METADATA];
    const viaRedirect = [`http://127.0.0.1:${ledger.port}/`, `http://[::1]:${ledger.port}/`, `http://2130706433:${ledger.port}/`, `http://localhost:${ledger.port}/`, `//127.1:${ledger.port}/`, "http://169.254.169.254/latest/meta-data/"].map(
      (target) => `http://${redirectorHost}/?to=${encodeURIComponent(target)}`,
    );
    const outcomes = await runEach(workspace.id, members.admin.id, [...direct, ...viaRedirect, `${control.url}/control`]);

    expect(outcomes[`${control.url}/control`]).toEqual({ status: "succeeded", message: "" });
    expect(control.to("/control")).toHaveLength(1);
    const leaks = Object.entries(outcomes).filter(([url, outcome]) => !url.startsWith(control.url) && (outcome.status !== "failed" || !outcome.message.startsWith(`Node "call" failed: HTTP Request: `)));
    expect(leaks).toEqual([]);
    // The allowlisted first hop was made each time: the refusal came at the redirect's target.
    expect(redirectsServed).toBe(viaRedirect.length);
    expect(ledger.connections).toBe(0);
  });

  it("keeps the studio's own port closed on every spelling, even listed on the allowlist", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["admin"]);
    const scope = { workspaceId: workspace.id, actorId: members.admin.id };
    const ownName = await ownBlockedName();
    for (const host of [`127.0.0.1:${studioPort.port}`, `[::1]:${studioPort.port}`, `localhost:${studioPort.port}`, ...(ownName ? [`${ownName}:${studioPort.port}`] : [])]) await addEgressRule(db(), { ...scope, host });
    const outcomes = await runEach(workspace.id, members.admin.id, spellingsOfThisMachine(studioPort.port, ownName));
    expect(Object.entries(outcomes).filter(([, outcome]) => outcome.status !== "failed" || !outcome.message.startsWith(`Node "call" failed: HTTP Request: `))).toEqual([]);
    expect(studioPort.connections).toBe(0);
  });
});

describe("names that resolve to private addresses", () => {
  // Real DNS is out of reach in tests: the guard's own resolver seam answers as a rebinding or split-horizon DNS would.
  const answers: Record<string, TResolvedAddress[]> = {
    "loopback.example.test": [{ address: "127.0.0.1", family: 4 }],
    "v6-loopback.example.test": [{ address: "::1", family: 6 }],
    "mapped.example.test": [{ address: "::ffff:127.0.0.1", family: 6 }],
    "unspecified.example.test": [{ address: "0.0.0.0", family: 4 }],
    "intranet.example.test": [{ address: "10.0.0.7", family: 4 }],
    "metadata.example.test": [{ address: "169.254.169.254", family: 4 }],
    "mixed.example.test": [{ address: "93.184.216.34", family: 4 }, { address: "127.0.0.1", family: 4 }],
  };

  it.each(Object.keys(answers))("%s is refused before any connection, under a wildcard entry", async (name) => {
    const attempt = egressFetch({ url: `http://${name}:${ledger.port}/` }, { allowedHosts: ["*.example.test"] }, { resolveHost: async () => answers[name]! });
    const error = await attempt.then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(EgressError);
    expect((error as EgressError).code).toBe("BLOCKED_ADDRESS");
    expect(ledger.connections).toBe(0);
  });
});
