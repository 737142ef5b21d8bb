// Per-environment secret values end to end: one published graph deployed in staging and production calls a local
// ledger server with a secret in its Authorization header; API keys of each environment start its runs. The ledger
// counts what really arrived, and the ledger's echo of the header is stored only as the secret's handle.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../../api/root";
import { createInnerContext } from "../../api/trpc";
import { db } from "../../db/client";
import { buildSpec } from "../../runtime/testing/build-spec";
import { setMasterKey } from "../../secrets/master-key";
import { listSecretSpellings } from "../../secrets/secret-spellings";
import { authenticateApiKey } from "../api-key/authenticate-api-key";
import { createWorkspaceWithMembers } from "../../testing/factories";
import { startHttpLedgerServer } from "../../testing/http-ledger-server";
import { startWorkspaceRuntime } from "../../testing/start-workspace-runtime";
import { callerFor, rejectionOf } from "../../testing/trpc-callers";
import { waitForRunEnd } from "../../testing/wait-for-run-end";
import { createPublishedGraph } from "../../triggers/testing/trigger-graphs";

const DEFAULT_VALUE = `default-${randomUUID()}`;
const STAGING_VALUE = `staging-${randomUUID()}`;
const PRODUCTION_VALUE = `production-${randomUUID()}`;

let studio: ReturnType<typeof startWorkspaceRuntime>;
// Echoes the Authorization header it received, as a careless API would.
let ledger: Awaited<ReturnType<typeof startHttpLedgerServer>>;

beforeAll(async () => {
  setMasterKey(randomBytes(32));
  ledger = await startHttpLedgerServer({ answer: (request) => ({ youSent: request.headers.authorization }) });
  studio = startWorkspaceRuntime();
});

afterAll(async () => {
  await studio.stop();
  await ledger.close();
});

async function setUp() {
  const { workspace, members } = await createWorkspaceWithMembers(["admin"]);
  const workspaceId = workspace.id;
  const admin = callerFor(members.admin);
  await admin.egress.add({ workspaceId, host: ledger.host });
  await admin.secret.create({ workspaceId, name: "LEDGER_TOKEN", value: DEFAULT_VALUE });
  const spec = buildSpec(
    [
      { id: "hook", type: "core/webhook" },
      { id: "call", type: "core/http-request", config: { url: `${ledger.url}/charge`, headers: { Authorization: "Bearer {{secret:LEDGER_TOKEN}}" } } },
      { id: "answer", type: "core/output", config: { name: "answer" } },
    ],
    ["hook.out->call.in", "call.out->answer.in"],
  );
  const { graphId } = await createPublishedGraph(admin, workspaceId, spec);
  for (const environment of ["staging", "production"]) await admin.deployment.deploy({ workspaceId, graphId, environment, version: 1 });
  const keyCaller = async (environment: string) => {
    const { key, apiKey } = await admin.apiKey.create({ workspaceId, name: `${environment} runner`, role: "operator", environment });
    expect(apiKey.environment).toBe(environment);
    return createCaller(createInnerContext({ user: null, apiKey: await authenticateApiKey(db(), { key }) }));
  };
  const start = async (caller: ReturnType<typeof createCaller>) => {
    const { id } = await caller.run.start({ workspaceId, graphId, version: "latest", startNodeId: "hook", input: {} });
    return waitForRunEnd(id);
  };
  return { workspaceId, admin, keyCaller, start };
}

describe("a secret with a value per environment", () => {
  it("sends each environment's value to the host, falls back to the default, and stores neither value", { timeout: 60_000 }, async () => {
    const { workspaceId, admin, keyCaller, start } = await setUp();
    await admin.secret.setEnvironmentValue({ workspaceId, name: "LEDGER_TOKEN", environment: "staging", value: STAGING_VALUE });
    await admin.secret.setEnvironmentValue({ workspaceId, name: "LEDGER_TOKEN", environment: "production", value: PRODUCTION_VALUE });
    const listed = await admin.secret.list({ workspaceId });
    expect(listed[0]!.overrides.map((override) => override.environment)).toEqual(["staging", "production"]);
    expect(JSON.stringify(listed)).not.toContain(STAGING_VALUE.slice(0, 12));

    const before = ledger.requests.length;
    const staging = await start(await keyCaller("staging"));
    const production = await start(await keyCaller("production"));
    // A person's run belongs to no environment: the default value.
    const manual = await start(admin);
    const arrived = ledger.requests.slice(before).map((request) => request.headers.authorization);
    expect(arrived).toEqual([`Bearer ${STAGING_VALUE}`, `Bearer ${PRODUCTION_VALUE}`, `Bearer ${DEFAULT_VALUE}`]);
    expect([staging.status, production.status, manual.status]).toEqual(["succeeded", "succeeded", "succeeded"]);

    const stored = JSON.stringify([staging, production, manual]);
    expect(JSON.stringify(staging.output)).toContain("Bearer [secret:LEDGER_TOKEN]");
    for (const value of [DEFAULT_VALUE, STAGING_VALUE, PRODUCTION_VALUE]) {
      for (const spelling of listSecretSpellings(value)) expect(stored).not.toContain(spelling);
    }

    // Cleared: staging resolves the default again; production keeps its own.
    await admin.secret.clearEnvironmentValue({ workspaceId, name: "LEDGER_TOKEN", environment: "staging" });
    await start(await keyCaller("staging"));
    expect(ledger.requests.at(-1)!.headers.authorization).toBe(`Bearer ${DEFAULT_VALUE}`);
    expect(ledger.requests.length - before).toBe(4);
  });

  it("refuses a value for an unknown environment or secret, and a short value, without storing anything", async () => {
    const { workspaceId, admin } = await setUp();
    const set = (input: { name: string; environment: string; value: string }) => rejectionOf(admin.secret.setEnvironmentValue({ workspaceId, ...input }));
    expect((await set({ name: "LEDGER_TOKEN", environment: "moon", value: STAGING_VALUE })).message).toBe('Environment "moon" not found');
    expect((await set({ name: "MISSING_TOKEN", environment: "staging", value: STAGING_VALUE })).code).toBe("NOT_FOUND");
    expect((await set({ name: "LEDGER_TOKEN", environment: "staging", value: "short" })).code).toBe("BAD_REQUEST");
    expect(await db().secretEnvironmentValue.count({ where: { secret: { workspaceId } } })).toBe(0);
  });
});
