// Untrusted code as a graph's Code node would carry it, run by the studio's runtime through the real sandbox pool:
// the escape corpus, reaching for fetch, the network and secrets through the host, prototype pollution, and endless
// loops, stuck promises and memory bombs. Each run ends cleanly (contained output, or a failure that says what the
// sandbox stopped), and the host is as it was: no file written, no environment or secret leaked into any record,
// prototypes clean, no connection at the ledger, and the next Code node runs as usual.
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/client";
import { createEscapeCorpus } from "../../plugins/sandbox/testing/escape-corpus";
import { buildSpec } from "../../runtime/testing/build-spec";
import { getMasterKey, setMasterKey } from "../../secrets/master-key";
import { createGraph } from "../../services/graph/create-graph";
import { startRun } from "../../services/run/start-run";
import { createSecret } from "../../services/secret/create-secret";
import { createWorkspaceWithMembers } from "../../testing/factories";
import { startHttpLedgerServer } from "../../testing/http-ledger-server";
import { startWorkspaceRuntime } from "../../testing/start-workspace-runtime";
import { waitForRunEnd } from "../../testing/wait-for-run-end";

const CANARY_FILE = path.join(tmpdir(), `attack-canary-${randomUUID()}`);
const HOST_SECRET = `host-env-${randomUUID()}`;
const WORKSPACE_SECRET = `workspace-secret-${randomUUID()}`;

let ledger: Awaited<ReturnType<typeof startHttpLedgerServer>>;
let studio: ReturnType<typeof startWorkspaceRuntime>;

beforeAll(async () => {
  process.env.ATTACK_HOST_SECRET = HOST_SECRET;
  setMasterKey(randomBytes(32));
  ledger = await startHttpLedgerServer({ host: "::" });
  studio = startWorkspaceRuntime();
});

afterAll(async () => {
  delete process.env.ATTACK_HOST_SECRET;
  rmSync(CANARY_FILE, { force: true });
  await studio.stop();
  await ledger.close();
});

type TPayload = { name: string; code: string; timeoutMs?: number; expect: "contained" | { failsWith: RegExp } };

/** Beyond the escape corpus: what a Code node can reach for, and the resource bombs. */
function hostReachPayloads(): TPayload[] {
  const ledgerUrl = `http://127.0.0.1:${ledger.port}/`;
  return [
    { name: "fetch", code: `return await fetch(${JSON.stringify(ledgerUrl)});`, expect: { failsWith: /fetch is not defined/ } },
    { name: "XMLHttpRequest and WebSocket", code: `return [typeof XMLHttpRequest, typeof WebSocket, typeof process, typeof require].every((type) => type === "undefined") ? "contained" : "escaped";`, expect: "contained" },
    { name: "host fetch to this machine", code: `return await host.call("fetch", { url: ${JSON.stringify(ledgerUrl)} });`, expect: { failsWith: /not granted egress to 127\.0\.0\.1/ } },
    { name: "host fetch to the metadata service", code: `return await host.call("fetch", { url: "http://169.254.169.254/latest/meta-data/" });`, expect: { failsWith: /cloud metadata endpoint/ } },
    {
      name: "host fetch with a secret placeholder",
      code: `return await host.call("fetch", { url: ${JSON.stringify(ledgerUrl)}, headers: { Authorization: "Bearer {{secret:WORKSPACE_TOKEN}}" } });`,
      expect: { failsWith: /is not granted the secret WORKSPACE_TOKEN/ },
    },
    { name: "a capability the host does not offer", code: `return await host.call("readFile", { path: "/etc/passwd" });`, expect: { failsWith: /unknown capability "readFile"/ } },
    {
      name: "prototype pollution",
      code: `Object.prototype.polluted = "yes"; Array.prototype.polluted = "yes";
      const parsed = JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}');
      Object.assign({}, parsed);
      return "contained";`,
      expect: "contained",
    },
    { name: "an endless loop", code: "while (true) {}", timeoutMs: 500, expect: { failsWith: /ran longer than 500 ms/ } },
    { name: "a promise that never settles", code: "await new Promise(() => {});", timeoutMs: 500, expect: { failsWith: /ran longer than 500 ms/ } },
    { name: "a memory bomb", code: "const keep = []; while (true) keep.push(new Array(1e5).fill(1.5));", timeoutMs: 10_000, expect: { failsWith: /more than the 64 MB memory limit/ } },
  ];
}

async function runCode(workspaceId: string, actorId: string, payload: { name: string; code: string; timeoutMs?: number }, input: unknown = {}) {
  const config = { code: payload.code, ...(payload.timeoutMs ? { timeoutMs: payload.timeoutMs } : {}) };
  const spec = buildSpec([{ id: "in", type: "core/input" }, { id: "code", type: "core/code", config }, { id: "out", type: "core/output" }], ["in.out->code.in", "code.out->out.in"]);
  const graph = await createGraph(db(), { workspaceId, actorId, name: payload.name, spec });
  const started = await startRun(db(), { workspaceId, actorId, graphId: graph.id, source: { kind: "draft" }, input });
  return waitForRunEnd(started.id, 60_000);
}

describe("untrusted code in Code nodes", () => {
  it("every payload ends cleanly and leaves the host as it was", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["editor"]);
    const scope = { workspaceId: workspace.id, actorId: members.editor.id };
    await createSecret(db(), { ...scope, name: "WORKSPACE_TOKEN", value: WORKSPACE_SECRET, masterKey: getMasterKey() });
    const corpus: TPayload[] = createEscapeCorpus(CANARY_FILE).map(([name, code]) => ({ name, code, expect: "contained" }));
    const payloads = [...corpus, ...hostReachPayloads()];

    const runs = await Promise.all(payloads.map((payload) => runCode(workspace.id, members.editor.id, payload)));
    const outcomes = Object.fromEntries(runs.map((run, index) => [payloads[index]!.name, run.status === "succeeded" ? (run.output as { out?: unknown })?.out ?? run.output : (run.error as { message: string }).message]));

    const unexpected = payloads.filter((payload) => {
      const outcome = outcomes[payload.name];
      if (payload.expect === "contained") return outcome !== "contained" && !(typeof outcome === "string" && outcome.startsWith('Node "code" failed: Code: '));
      return !(typeof outcome === "string" && outcome.startsWith('Node "code" failed: Code: ') && payload.expect.failsWith.test(outcome));
    });
    expect(unexpected.map((payload) => [payload.name, outcomes[payload.name]])).toEqual([]);

    // Failures say what the sandbox stopped, never where the host keeps its files.
    expect(Object.values(outcomes).filter((outcome) => typeof outcome === "string" && /\/work\/|node_modules|\bat .*\.(c?js|ts):\d+/.test(outcome))).toEqual([]);
    expect(existsSync(CANARY_FILE)).toBe(false);
    const recorded = JSON.stringify(runs);
    expect(recorded).not.toContain(HOST_SECRET);
    expect(recorded).not.toContain(WORKSPACE_SECRET);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(ledger.connections).toBe(0);

    const after = await runCode(workspace.id, members.editor.id, { name: "after the attacks", code: "return input.n + 1;" }, { n: 41 });
    expect([after.status, after.output]).toEqual(["succeeded", { out: 42 }]);
  });
});
