import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../app-error";
import { db } from "../../db/client";
import { getMasterKey, setMasterKey } from "../../secrets/master-key";
import { createWorkspaceWithMembers } from "../../testing/factories";
import { resolveSecretValue } from "./resolve-secret";
import { callerFor, rejectionOf } from "../../testing/trpc-callers";

// root.ts is not touched here: a router with only the secret procedures, called through a real context.


async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
}


/** resolveSecretValue is called by the runtime, not through tRPC: it throws AppError. */
async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await failureOf(promise);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function encodingsOf(value: string): string[] {
  const bytes = Buffer.from(value);
  const base64 = bytes.toString("base64");
  return [value, base64, base64.replace(/=+$/, ""), bytes.toString("base64url"), bytes.toString("hex"), bytes.toString("hex").toUpperCase(), encodeURIComponent(value)];
}

function expectNoTraceOf(value: string, response: unknown): void {
  const serialized = JSON.stringify(response);
  for (const encoding of encodingsOf(value)) expect(serialized).not.toContain(encoding);
}

beforeAll(() => setMasterKey(randomBytes(32)));

describe("secret router", () => {
  it("creates and lists secrets as names and masks, and only the runtime resolves the value", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["admin"]);
    const api = callerFor(members.admin);
    const workspaceId = workspace.id;
    const canary = `sk-CANARY-${randomUUID()}`;

    const created = await api.secret.create({ workspaceId, name: "OPENAI_API_KEY", value: canary });
    await api.secret.create({ workspaceId, name: "SHORT_TOKEN", value: "abcdefgh" });
    const listed = await api.secret.list({ workspaceId });

    expect(created).toMatchObject({ name: "OPENAI_API_KEY", mask: `••••${canary.slice(-4)}` });
    expect(listed.map(({ name, mask }) => ({ name, mask }))).toEqual([
      { name: "OPENAI_API_KEY", mask: `••••${canary.slice(-4)}` },
      { name: "SHORT_TOKEN", mask: "••••" },
    ]);
    expect(Object.keys(listed[0]!).sort()).toEqual(["createdAt", "id", "mask", "name", "overrides", "updatedAt"]);
    expectNoTraceOf(canary, created);
    expectNoTraceOf(canary, listed);

    const row = await db().secret.findUniqueOrThrow({ where: { workspaceId_name: { workspaceId, name: "OPENAI_API_KEY" } } });
    for (const encoding of encodingsOf(canary)) expect(Buffer.from(row.ciphertext).includes(Buffer.from(encoding))).toBe(false);
    expect(row.nonce).toHaveLength(12);

    expect(await resolveSecretValue(db(), { workspaceId, name: "OPENAI_API_KEY", masterKey: getMasterKey() })).toBe(canary);
  });

  it("answers CONFLICT for an existing name unless asked to overwrite", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
    const api = callerFor(members.owner);
    const workspaceId = workspace.id;
    const [first, second] = [`first-${randomUUID()}`, `second-${randomUUID()}`];
    await api.secret.create({ workspaceId, name: "API_TOKEN", value: first });

    const conflict = await rejectionOf(api.secret.create({ workspaceId, name: "API_TOKEN", value: second }));
    expect(conflict.code).toBe("CONFLICT");
    expect(conflict.message).toContain("API_TOKEN already exists");
    expectNoTraceOf(second, { message: conflict.message });

    const replaced = await api.secret.create({ workspaceId, name: "API_TOKEN", value: second, overwrite: true });
    expect(replaced.mask).toBe(`••••${second.slice(-4)}`);
    expect(await resolveSecretValue(db(), { workspaceId, name: "API_TOKEN", masterKey: getMasterKey() })).toBe(second);
    expect(await api.secret.list({ workspaceId })).toHaveLength(1);
  });

  it("refuses bad names and values with messages that never echo the value", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["admin"]);
    const api = callerFor(members.admin);
    const workspaceId = workspace.id;

    const badName = await rejectionOf(api.secret.create({ workspaceId, name: "openai-key", value: "long-enough-value" }));
    expect(badName.code).toBe("BAD_REQUEST");
    expect(badName.message).toContain("an uppercase letter, then uppercase letters, digits or underscores");
    const short = await rejectionOf(api.secret.create({ workspaceId, name: "PIN", value: "s3cr3t!" }));
    expect(short.code).toBe("BAD_REQUEST");
    expect(short.message).toContain("at least 8 characters");
    expect(short.message).not.toContain("s3cr3t!");
    const huge = await rejectionOf(api.secret.create({ workspaceId, name: "HUGE", value: "é".repeat(40_000) }));
    expect(huge.code).toBe("PAYLOAD_TOO_LARGE");
    expect(await api.secret.list({ workspaceId })).toEqual([]);
  });

  it("lets only owners and admins manage secrets", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["admin", "editor", "viewer"]);
    const workspaceId = workspace.id;
    await callerFor(members.admin).secret.create({ workspaceId, name: "API_TOKEN", value: `token-${randomUUID()}` });

    for (const member of [members.editor, members.viewer]) {
      const api = callerFor(member);
      const refused = [
        () => api.secret.list({ workspaceId }),
        () => api.secret.create({ workspaceId, name: "MINE", value: "long-enough-value" }),
        () => api.secret.delete({ workspaceId, name: "API_TOKEN" }),
      ];
      for (const call of refused) expect((await rejectionOf(call())).code).toBe("FORBIDDEN");
    }
    expect((await rejectionOf(callerFor(null).secret.list({ workspaceId }))).code).toBe("UNAUTHORIZED");
    expect(await callerFor(members.admin).secret.list({ workspaceId })).toHaveLength(1);
  });

  it("answers a foreign workspace's secret exactly like a missing one", async () => {
    const mine = await createWorkspaceWithMembers(["admin"]);
    const theirs = await createWorkspaceWithMembers(["admin"]);
    const theirValue = `theirs-${randomUUID()}`;
    await callerFor(theirs.members.admin).secret.create({ workspaceId: theirs.workspace.id, name: "THEIR_TOKEN", value: theirValue });
    const api = callerFor(mine.members.admin);

    const otherWorkspace = await rejectionOf(api.secret.list({ workspaceId: theirs.workspace.id }));
    const noWorkspace = await rejectionOf(api.secret.list({ workspaceId: "no-such-workspace" }));
    expect([otherWorkspace.code, otherWorkspace.message]).toEqual([noWorkspace.code, noWorkspace.message]);
    expect(otherWorkspace.code).toBe("NOT_FOUND");

    const foreign = await rejectionOf(api.secret.delete({ workspaceId: mine.workspace.id, name: "THEIR_TOKEN" }));
    const missing = await rejectionOf(api.secret.delete({ workspaceId: mine.workspace.id, name: "NO_SUCH_TOKEN" }));
    expect([foreign.code, foreign.message]).toEqual([missing.code, missing.message]);
    expect(foreign.code).toBe("NOT_FOUND");

    const resolve = resolveSecretValue(db(), { workspaceId: mine.workspace.id, name: "THEIR_TOKEN", masterKey: getMasterKey() });
    const unresolved = await appErrorOf(resolve);
    expect([unresolved.code, unresolved.message]).toEqual(["NOT_FOUND", "Secret THEIR_TOKEN not found in this workspace"]);
    expect(await resolveSecretValue(db(), { workspaceId: theirs.workspace.id, name: "THEIR_TOKEN", masterKey: getMasterKey() })).toBe(theirValue);
  });

  it("deletes a secret, after which it is gone for the runtime too", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["admin"]);
    const api = callerFor(members.admin);
    const workspaceId = workspace.id;
    await api.secret.create({ workspaceId, name: "API_TOKEN", value: `token-${randomUUID()}` });

    expect(await api.secret.delete({ workspaceId, name: "API_TOKEN" })).toEqual({ name: "API_TOKEN" });
    expect(await api.secret.list({ workspaceId })).toEqual([]);
    expect((await rejectionOf(api.secret.delete({ workspaceId, name: "API_TOKEN" }))).code).toBe("NOT_FOUND");
    const resolve = resolveSecretValue(db(), { workspaceId, name: "API_TOKEN", masterKey: getMasterKey() });
    expect((await appErrorOf(resolve)).code).toBe("NOT_FOUND");
  });

  it("refuses a ciphertext copied to another name or workspace", async () => {
    const mine = await createWorkspaceWithMembers(["admin"]);
    const theirs = await createWorkspaceWithMembers(["admin"]);
    const value = `token-${randomUUID()}`;
    await callerFor(mine.members.admin).secret.create({ workspaceId: mine.workspace.id, name: "API_TOKEN", value });
    const row = await db().secret.findUniqueOrThrow({ where: { workspaceId_name: { workspaceId: mine.workspace.id, name: "API_TOKEN" } } });
    const sealed = { ciphertext: row.ciphertext, nonce: row.nonce, keyVersion: row.keyVersion };
    await db().secret.create({ data: { workspaceId: mine.workspace.id, name: "RENAMED", ...sealed } });
    await db().secret.create({ data: { workspaceId: theirs.workspace.id, name: "API_TOKEN", ...sealed } });

    for (const target of [{ workspaceId: mine.workspace.id, name: "RENAMED" }, { workspaceId: theirs.workspace.id, name: "API_TOKEN" }]) {
      const error = await appErrorOf(resolveSecretValue(db(), { ...target, masterKey: getMasterKey() }));
      expect(error.code).toBe("INTERNAL");
      expect(error.message).toContain("could not be decrypted");
      expect(error.message).not.toContain(value);
    }
  });
});
