// The audit log as an admin and an auditor meet it: every mutation recorded with actor, action, target, outcome and a
// secret-free summary; the chain verifies; an edit or a deletion made behind the studio's back (rules dropped for the
// moment, as someone with database access would) is found, by the API and by `npm run audit:verify`, at its record.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { db } from "../db/client";
import type { TTx } from "../db/client";
import { setMasterKey } from "../secrets/master-key";
import { createWorkspaceWithMembers } from "../testing/factories";
import { callerFor, rejectionOf } from "../testing/trpc-callers";

setMasterKey(randomBytes(32));

async function tamper(change: (tx: TTx) => Promise<unknown>): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.$executeRaw`ALTER TABLE "AuditEvent" DISABLE RULE "AuditEvent_no_update", DISABLE RULE "AuditEvent_no_delete"`;
    await change(tx);
    await tx.$executeRaw`ALTER TABLE "AuditEvent" ENABLE RULE "AuditEvent_no_update", ENABLE RULE "AuditEvent_no_delete"`;
  });
}

async function busyWorkspace() {
  const { workspace, members } = await createWorkspaceWithMembers(["owner", "admin", "editor"]);
  const workspaceId = workspace.id;
  const owner = callerFor(members.owner);
  const graph = await callerFor(members.editor).graph.create({ workspaceId, name: "Support bot" });
  await callerFor(members.editor).graph.rename({ workspaceId, graphId: graph.id, name: "Support desk" });
  await owner.secret.create({ workspaceId, name: "OPENAI_KEY", value: "sk-audit-canary-0123456789" });
  await owner.member.changeRole({ workspaceId, userId: members.editor.id, role: "viewer" });
  await rejectionOf(callerFor(members.editor).graph.delete({ workspaceId, graphId: graph.id }));
  return { workspaceId, members, graph, owner };
}

describe("the audit log", () => {
  it("records each mutation with who, what, on what, how it ended and what changed, never a secret's value", async () => {
    const { workspaceId, members, graph, owner } = await busyWorkspace();
    const { items } = await owner.audit.list({ workspaceId });
    expect(items.map((event) => [event.action, event.actorLabel, event.targetType, event.targetId, event.outcome])).toEqual([
      ["graph.delete", members.editor.email, "graph", graph.id, "FORBIDDEN"],
      ["member.changeRole", members.owner.email, "user", members.editor.id, "ok"],
      ["secret.create", members.owner.email, "name", "OPENAI_KEY", "ok"],
      ["graph.rename", members.editor.email, "graph", graph.id, "ok"],
      ["graph.create", members.editor.email, "name", "Support bot", "ok"],
    ]);
    expect(items[1]!.summary).toMatchObject({ before: { role: "editor" }, after: { role: "viewer" } });
    expect(items[2]!.summary).toEqual({ input: { workspaceId, name: "OPENAI_KEY", value: "[redacted]" }, before: null, after: { name: "OPENAI_KEY", valueChanged: false } });
    expect(JSON.stringify(await owner.audit.export({ workspaceId }))).not.toContain("sk-audit-canary");

    expect((await owner.audit.list({ workspaceId, actor: members.editor.email })).items).toHaveLength(3);
    expect((await owner.audit.list({ workspaceId, action: "graph." })).items).toHaveLength(3);
    expect((await owner.audit.list({ workspaceId, target: graph.id })).items).toHaveLength(2);
    expect((await owner.audit.list({ workspaceId, after: new Date(Date.now() + 60_000).toISOString() })).items).toHaveLength(0);
    const exported = await owner.audit.export({ workspaceId, action: "secret." });
    expect(exported.count).toBe(1);
    expect(JSON.parse(exported.jsonl.trim())).toMatchObject({ action: "secret.create", seq: 3 });
    expect((await rejectionOf(callerFor(members.editor).audit.list({ workspaceId }))).code).toBe("FORBIDDEN");
  });

  it("verifies, and finds an edited or a deleted record where it happened, through the API and the CLI", async () => {
    const { workspaceId, owner } = await busyWorkspace();
    expect(await owner.audit.verify({ workspaceId })).toEqual({ ok: true, chain: workspaceId, checked: 5 });
    // The database itself ignores an edit made through the studio's own connection.
    await db().$executeRaw`UPDATE "AuditEvent" SET outcome = 'ok' WHERE chain = ${workspaceId} AND seq = 5`;
    expect(await owner.audit.verify({ workspaceId })).toMatchObject({ ok: true });

    await tamper((tx) => tx.$executeRaw`UPDATE "AuditEvent" SET "actorLabel" = 'someone-else@example.test' WHERE chain = ${workspaceId} AND seq = 2`);
    expect(await owner.audit.verify({ workspaceId })).toMatchObject({ ok: false, seq: 2, checked: 1, problem: "Record 2 (graph.rename) was edited after it was written" });

    const run = promisify(execFile);
    const cli = await run("npx", ["tsx", "server/audit/verify-cli.ts"], { env: { ...process.env, DATABASE_URL: inject("databaseUrl") } }).then(
      () => ({ code: 0, stdout: "" }),
      (error: { code: number; stdout: string }) => error,
    );
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain(`BROKEN  workspace ${workspaceId}: Record 2 (graph.rename) was edited after it was written`);

    const { workspaceId: other, owner: otherOwner } = await busyWorkspace();
    await tamper((tx) => tx.$executeRaw`DELETE FROM "AuditEvent" WHERE chain = ${other} AND seq = 3`);
    expect(await otherOwner.audit.verify({ workspaceId: other })).toMatchObject({ ok: false, seq: 3, problem: "Record 3 is missing (deleted): the chain jumps from 2 to 4" });
    await tamper((tx) => tx.$executeRaw`DELETE FROM "AuditEvent" WHERE chain = ${other} AND seq = 5`);
    expect(await otherOwner.audit.verify({ workspaceId: other })).toMatchObject({ ok: false, seq: 3 });
  }, 60_000);

  it("keeps one unbroken chain when many members act at once", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner", "editor"]);
    const workspaceId = workspace.id;
    await Promise.all(Array.from({ length: 12 }, (_, index) => callerFor(index % 2 ? members.owner : members.editor).graph.create({ workspaceId, name: `Graph ${index}` })));
    expect(await callerFor(members.owner).audit.verify({ workspaceId })).toEqual({ ok: true, chain: workspaceId, checked: 12 });
  });
});
