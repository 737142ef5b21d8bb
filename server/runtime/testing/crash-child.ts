// A studio runtime in a child process, for the crash test: it drives runs until the test kills it with SIGKILL.
import { connectDb } from "../../db/client";
import { createPrismaRunStore } from "../../db/prisma-run-store";
import { createNodeImplementations } from "../node-implementation";
import { CORE_NODES } from "../nodes/core";
import { createRuntime } from "../runtime";
import { createFileLedgerNode } from "./file-ledger-node";

const [databaseUrl, ledgerPath] = process.argv.slice(2) as [string, string];
const runtime = createRuntime({
  store: createPrismaRunStore(connectDb(databaseUrl)),
  implementations: createNodeImplementations([...CORE_NODES, createFileLedgerNode(ledgerPath)]),
  leaseMs: 1_500,
  heartbeatMs: 300,
  pollMs: 50,
});
runtime.start();
