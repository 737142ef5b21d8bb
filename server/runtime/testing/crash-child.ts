// A studio runtime in a child process, for the crash tests: it drives runs until the test kills it with SIGKILL.
// argv: database URL, the executor's owner id, then `ledger <path> [lease ms]` (core node types plus the file ledger
// node) or `workspace` (each run's workspace node types, as the studio runs them: HTTP Request through egress, ...).
import { connectDb } from "../../db/client";
import { createPrismaRunStore } from "../../db/prisma-run-store";
import { loadWorkspaceImplementations } from "../../plugins/workspace-plugins";
import { createNodeImplementations } from "../node-implementation";
import { CORE_NODES } from "../nodes/core";
import { createRuntime } from "../runtime";
import { createFileLedgerNode } from "./file-ledger-node";

const [databaseUrl, owner, nodeTypes, ledgerPath, leaseMs] = process.argv.slice(2) as [string, string, "ledger" | "workspace", string?, string?];
const db = connectDb(databaseUrl);
const runtime = createRuntime({
  store: createPrismaRunStore(db),
  implementations: nodeTypes === "workspace" ? (run) => loadWorkspaceImplementations(db, run) : createNodeImplementations([...CORE_NODES, createFileLedgerNode(ledgerPath!)]),
  owner,
  // The restart tests give a lease that outlasts them.
  leaseMs: leaseMs ? Number(leaseMs) : 1_500,
  heartbeatMs: 300,
  pollMs: 50,
});
runtime.start();
