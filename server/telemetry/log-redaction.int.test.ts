// What the studio process writes to stdout: the runtime's lines for a run carry its runId, traceId and the step's
// seq and span, and once a run has resolved a secret, that value is written as `[secret:NAME]` in every spelling,
// whoever logs it and however it is nested.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "../db/client";
import { buildSpec } from "../runtime/testing/build-spec";
import { stepSpanId } from "../runtime/trace-context";
import { getMasterKey, setMasterKey } from "../secrets/master-key";
import { listSecretSpellings } from "../secrets/secret-spellings";
import { addEgressRule } from "../services/egress/add-egress-rule";
import { createGraph } from "../services/graph/create-graph";
import { startRun } from "../services/run/start-run";
import { createSecret } from "../services/secret/create-secret";
import { startRuntime } from "../start-runtime";
import { createWorkspaceWithMembers } from "../testing/factories";
import { startHttpLedgerServer } from "../testing/http-ledger-server";
import { waitForRunEnd } from "../testing/wait-for-run-end";
import { logger } from "./logger";

const CANARY = `sk-live-LOGCANARY-${randomUUID()}`;
let studio: Awaited<ReturnType<typeof startRuntime>>;
let ledger: Awaited<ReturnType<typeof startHttpLedgerServer>>;
let written: string[] = [];

beforeAll(async () => {
  setMasterKey(randomBytes(32));
  ledger = await startHttpLedgerServer();
  // Step lines are debug lines; the runtime's child logger takes the level it has when the runtime starts.
  logger.level = "debug";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  studio = await startRuntime(db());
});

afterEach(() => {
  written = [];
});

afterAll(async () => {
  await studio.stop();
  vi.restoreAllMocks();
  logger.level = "info";
  await ledger.close();
});

const lines = () => written.flatMap((chunk) => chunk.split("\n")).filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);

/** A run whose HTTP Request sends the secret in a header; ends succeeded. */
async function runWithSecret() {
  const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
  const scope = { workspaceId: workspace.id, actorId: members.owner.id };
  await addEgressRule(db(), { ...scope, host: ledger.host });
  await createSecret(db(), { ...scope, name: "LEDGER_TOKEN", value: CANARY, masterKey: getMasterKey() });
  const spec = buildSpec(
    [
      { id: "in", type: "core/input" },
      { id: "call", type: "core/http-request", config: { method: "POST", url: `${ledger.url}/logged`, headers: { Authorization: "Bearer {{secret:LEDGER_TOKEN}}" }, body: "{{input}}" } },
      { id: "out", type: "core/output" },
    ],
    ["in.out->call.in", "call.out->out.in"],
  );
  const graph = await createGraph(db(), { ...scope, name: "Logged", spec });
  const started = await startRun(db(), { ...scope, graphId: graph.id, source: { kind: "draft" }, input: "hello" });
  const run = await waitForRunEnd(started.id);
  expect(run.status).toBe("succeeded");
  return run;
}

describe("the process's log lines", () => {
  it("of a run carry its runId and traceId, and a step's lines its seq and span", async () => {
    const run = await runWithSecret();
    const ofRun = lines().filter((line) => line.runId === run.id);
    expect(ofRun.map((line) => line.msg)).toEqual(expect.arrayContaining(["run started", "step started", "step succeeded", "run succeeded"]));
    for (const line of ofRun) expect(line.traceId).toBe(run.traceId);
    const call = run.steps.find((step) => step.nodeId === "call")!;
    const callLines = ofRun.filter((line) => line.nodeId === "call");
    expect(callLines.map((line) => [line.msg, line.stepSeq, line.spanId, line.nodeType])).toEqual([
      ["step started", call.seq, stepSpanId(run.id, call.seq, 1), "core/http-request"],
      ["step succeeded", call.seq, stepSpanId(run.id, call.seq, 1), "core/http-request"],
    ]);
  });

  it("never hold a secret value a run resolved, in any spelling, whoever logs it", async () => {
    await runWithSecret();
    expect(ledger.to("/logged").at(-1)!.headers.authorization).toBe(`Bearer ${CANARY}`);
    const careless = logger.child({ component: "careless-plugin-host" });
    careless.warn({ request: { sent: `Bearer ${CANARY}`, basic: Buffer.from(`user:${CANARY}`).toString("base64"), query: `?key=${encodeURIComponent(CANARY)}` } }, `retrying with ${CANARY}`);
    careless.error({ err: new Error(`upstream refused ${JSON.stringify({ token: CANARY })}`) }, "upstream failed");

    const output = written.join("");
    expect(output).toContain("[secret:LEDGER_TOKEN]");
    for (const spelling of listSecretSpellings(CANARY)) expect(output).not.toContain(spelling);
    const [warning, failure] = lines().filter((line) => line.component === "careless-plugin-host");
    expect(warning).toMatchObject({ msg: "retrying with [secret:LEDGER_TOKEN]", request: { sent: "Bearer [secret:LEDGER_TOKEN]" } });
    expect((failure!.err as { message: string }).message).toContain("[secret:LEDGER_TOKEN]");
  });
});
